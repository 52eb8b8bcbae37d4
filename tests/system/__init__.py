"""Tests that need other Debian packages: nginx and the Nu Html Checker on Java (marker `system`). A test elsewhere
that needs one (hunspell, kiwix-serve) carries the marker itself."""
