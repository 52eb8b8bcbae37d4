"""Tests in Debian's Chromium (marker `browser`, and so `system`): what a reader sees and does."""
