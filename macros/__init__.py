"""INTRO's macros for mkdocs-macros-plugin.

`define_env` only registers; the functions live in plain modules beside this one
(render.py for Markdown, site.py for the content model) and are tested there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from macros import figure_pages, posters, programme_pages, render
from macros.local import local_box, made_by, urgent_help
from macros.release import offline_name


def _on_current_page(env, function: Callable[..., str]) -> Callable[..., str]:
    """Give a render function the validated site and the page being rendered, so authors need not."""

    @wraps(function)
    def macro(*args: str, **options: object) -> str:
        plugin = env.conf.plugins["intro"]
        return function(plugin.current_site(), *args, env.page.file.src_uri, **options)

    return macro


def _offline_download(env) -> Callable[[], str]:
    def macro() -> str:
        plugin = env.conf.plugins["intro"]
        return render.offline_download(plugin.offline_zip_bytes, plugin.offline_zip_path, env.page.file.src_uri,
                                       plugin.is_offline, offline_name(plugin.config.edition),
                                       plugin.offline_zim_bytes, plugin.offline_zim_path)

    return macro


def _local_box(env) -> Callable[[str], str]:
    def hos_oss(topic: str) -> str:
        return local_box(env.conf.plugins["intro"].facts, topic)

    return hos_oss


def _course_packages(env) -> Callable[[], str]:
    def macro() -> str:
        return render.course_packages(env.conf.plugins["intro"].packages, env.page.file.src_uri)

    return macro


def _urgent_help(env) -> Callable[[], str]:
    def akutt_hjelp() -> str:
        return urgent_help(env.conf.plugins["intro"].facts)

    return akutt_hjelp


def define_env(env) -> None:
    """Register INTRO's macros: perspektivkort(), sti("studenter"), fortsett(), ordliste(), frakoblet_utgave(), plakater(),
    hos_oss("legevakt"), akutt_hjelp(), kurspakker(), laget_av(), tall("egenandelstak"),
    tall_tabell("utskrivningsklar-dognpris"), tall_og_satser(), and on a programme page programplan(), rotasjonsplan(),
    stasjoner(), fortelling(), bestilling() and materiell()."""
    env.macro(_on_current_page(env, render.perspective_cards), "perspektivkort")
    env.macro(_on_current_page(env, render.path_overview), "sti")
    env.macro(_on_current_page(env, render.continue_reading), "fortsett")
    env.macro(_on_current_page(env, render.glossary), "ordliste")
    env.macro(_offline_download(env), "frakoblet_utgave")
    env.macro(_on_current_page(env, posters.poster_list), "plakater")
    env.macro(_local_box(env), "hos_oss")
    env.macro(_course_packages(env), "kurspakker")
    env.macro(_urgent_help(env), "akutt_hjelp")
    env.macro(lambda: made_by(env.conf.plugins["intro"].facts), "laget_av")
    env.macro(_on_current_page(env, figure_pages.in_sentence), "tall")
    env.macro(_on_current_page(env, figure_pages.table), "tall_tabell")
    env.macro(_on_current_page(env, figure_pages.overview), "tall_og_satser")
    # A programme page's parts, from data/programmes/<programme>.yml (macros/programme_pages.py).
    env.macro(_on_current_page(env, programme_pages.programme_plan), "programplan")
    env.macro(_on_current_page(env, programme_pages.rotation_plan), "rotasjonsplan")
    env.macro(_on_current_page(env, programme_pages.stations), "stasjoner")
    env.macro(_on_current_page(env, programme_pages.case_stories), "fortelling")
    env.macro(_on_current_page(env, programme_pages.materials_link), "materiell")
    env.macro(lambda: programme_pages.booking(env.conf.plugins["intro"].facts), "bestilling")
