from __future__ import annotations

import eventwire


def test_public_api_is_pinned():
    assert sorted(eventwire.__all__) == sorted([
        "ActorRef", "Document", "Event", "EventwireError", "Evidence", "Failure", "Location", "Plover",
        "Settings", "Store", "__version__", "load_settings", "open",
    ])
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)
