"""What `make serve` compares from one build to the next (macros/serving.py)."""

from pathlib import Path

from macros import serving


def test_stamps_name_each_file_once_whether_its_path_is_relative_or_absolute(tmp_path, monkeypatch):
    # MkDocs gives serve's first build the config's paths as written and its rebuilds absolute ones: a save
    # between them must not look like a changed theme.
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = serving.stamps([Path("overrides"), tmp_path / "overrides"], [Path("mkdocs.yml")])
    again = serving.stamps([tmp_path / "overrides"], [tmp_path / "mkdocs.yml"])
    assert first == again and len(again) == 2
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}{# endret #}", encoding="utf-8")
    assert serving.stamps([tmp_path / "overrides"], [tmp_path / "mkdocs.yml"]) != again


def test_serve_looks_for_saves_more_often_and_keeps_watching_the_same_paths(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    from macros.plugin import LOOK_EVERY_S, _look_more_often

    docs, data = tmp_path / "docs", tmp_path / "data"
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(docs))  # watched twice: unwatched twice before it is no longer looked at
    server.watch(str(data))
    slow = server.observer
    _look_more_often(server)
    assert server.observer is not slow and server.observer.timeout == LOOK_EVERY_S < slow.timeout
    assert {emitter.watch.path for emitter in server.observer.emitters} == {str(docs), str(data)}
    assert not slow.emitters
    server.unwatch(str(docs))
    assert {emitter.watch.path for emitter in server.observer.emitters} == {str(docs), str(data)}
    server.unwatch(str(docs))
    assert {emitter.watch.path for emitter in server.observer.emitters} == {str(data)}
