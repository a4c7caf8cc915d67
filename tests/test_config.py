from __future__ import annotations

import pytest

from eventwire.config import Settings, load_settings
from eventwire.errors import ConfigError


def test_settings_every_setting_is_documented():
    undocumented = [name for name, info in Settings.model_fields.items() if not info.description]
    assert undocumented == []


def test_settings_partial_override_from_file(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("batch_size: 8\n")
    s = load_settings(path, workers=2)
    assert (s.batch_size, s.workers, s.max_text_bytes) == (8, 2, Settings().max_text_bytes)


def test_settings_unknown_key_is_a_config_error(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("batch_sise: 8\n")
    with pytest.raises(ConfigError, match="batch_sise"):
        load_settings(path)


def test_settings_digest_changes_with_values():
    assert Settings().digest() == Settings().digest() != Settings(batch_size=3).digest()
