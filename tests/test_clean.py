from __future__ import annotations

from eventwire.clean import classify_lines, clean_document, clutter_cues, is_stamp
from eventwire.records import Document

BODY_1 = "Peru's foreign minister met her Chilean counterpart in Lima on Thursday to discuss migration."
BODY_2 = "The ministers agreed to open a joint border office next year, the ministry said."


def clean(text: str) -> Document:
    return clean_document(Document(id="t", text=text))


def removed_why(doc: Document) -> dict[str, str]:
    return {line: why for line, why in doc.removed}


def test_clean_keeps_every_body_sentence():
    doc = clean(f"{BODY_1}\n\n{BODY_2}")
    assert doc.body == f"{BODY_1}\n\n{BODY_2}" and doc.removed == ()


def test_clean_removes_read_time_badge_and_section_label():
    doc = clean(f"WORLD\n4 MIN READ\n{BODY_1}\n{BODY_2}")
    assert "MIN READ" not in doc.body and "WORLD" not in doc.body
    assert removed_why(doc)["4 MIN READ"] == "read-time"


def test_clean_removes_time_stamped_headline_list():
    lines = "\n".join(f"Minister opens new hospital wing in the north\n1{i}:05 03.04.2025" for i in range(4))
    doc = clean(f"{BODY_1}\n\n{BODY_2}\n\nLatest news\n{lines}")
    assert doc.body == f"{BODY_1}\n\n{BODY_2}"
    assert removed_why(doc)["Minister opens new hospital wing in the north"] == "headline-list"


def test_clean_removes_untimed_headline_list_after_a_heading():
    heads = ["Central bank holds rates steady as inflation cools again",
             "National team reaches the final after a dramatic penalty shootout",
             "Museum reopens after a three-year renovation of its main hall"]
    doc = clean(f"{BODY_1}\n{BODY_2}\nMore stories\n" + "\n".join(heads))
    assert all(h not in doc.body for h in heads) and "More stories" not in doc.body


def test_clean_removes_headline_list_without_heading():
    heads = ["Central bank holds rates steady as inflation cools again",
             "National team reaches the final after a dramatic penalty shootout"]
    doc = clean(f"{BODY_1}\n{BODY_2}\n" + "\n".join(heads))
    assert all(h not in doc.body for h in heads)


def test_clean_keeps_unpunctuated_last_body_line_between_prose_and_outlet_name():
    last = "The ministers then answered questions from journalists at a joint news conference"
    doc = clean(f"{BODY_1}\n\n{BODY_2}\n\n{last}\n\nExample.News")
    assert last in doc.body and "Example.News" not in doc.body


def test_clean_removes_caption_with_photo_credit():
    caption = "The minister speaks to reporters in Lima. / Photo: Reuters"
    doc = clean(f"{BODY_1}\n{caption}\n{BODY_2}")
    assert caption not in doc.body and removed_why(doc)[caption] == "caption"


def test_clean_removes_bylines_and_source_lines():
    doc = clean(f"By Ana Torres\n{BODY_1}\n{BODY_2}\nAna Torres//ExampleNews\nSOURCE:XYZ\nReporting by Ana Torres; Editing by Bo Li")
    assert doc.body == f"{BODY_1}\n\n{BODY_2}"


def test_clean_removes_share_and_recommended_blocks_and_glued_links():
    doc = clean(f"{BODY_1}\nShare this article\nRecommended\n{BODY_2}\nRelatedLima hosts regional summit\nExplore")
    assert doc.body == f"{BODY_1}\n\n{BODY_2}"


def test_clean_removes_repeated_title_and_guesses_title():
    title = "Peru and Chile discuss migration"
    doc = clean(f"{title}\n{BODY_1}\n{title}\n{BODY_2}")
    assert doc.title == title and title not in doc.body


def test_clean_rejoins_hard_wrapped_prose():
    wrapped = ("Peru's foreign minister met her Chilean counterpart in Lima on\n"
               "Thursday to discuss migration and the two governments agreed to\n"
               "open a joint border office next year, the ministry said.")
    doc = clean(wrapped)
    assert doc.body == wrapped.replace("\n", " ")


def test_clean_removes_date_only_line():
    doc = clean(f"March 3, 2025\n{BODY_1}")
    assert doc.body == BODY_1


def test_is_stamp_only_for_date_lines():
    assert is_stamp("17:42 21.05.2025") and is_stamp("Updated: March 3, 2025 10:15 GMT")
    assert not is_stamp("The talks lasted 3 hours on March 3.")
    assert not is_stamp("Azerbaijan to build 2 power links")


def test_clutter_cues_groups_are_all_filled():
    cues = clutter_cues()
    assert cues.list_headings and cues.furniture and cues.credit_markers


def test_classify_lines_reports_a_reason_for_every_removed_line():
    lines = classify_lines(f"Home\n{BODY_1}\n2 min read")
    assert all(line.why for line in lines if line.kind not in ("sentence", "fragment"))
