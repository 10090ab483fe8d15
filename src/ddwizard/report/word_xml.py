"""The few things python-docx has no call for, done on the XML it hands out publicly
(`Document.element`, a part's `element`) with its own `OxmlElement` and `qn`: header rows
that repeat, a picture's alternative text, page-number fields, and the document's language.
The one place the Word writer touches XML."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def repeat_header_rows(document) -> None:
    """Mark every table's first row as a header row, repeated on each page."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        if first is None:
            continue
        props = first.find(qn("w:trPr"))
        if props is None:
            props = OxmlElement("w:trPr")
            first.insert(0, props)
        if props.find(qn("w:tblHeader")) is None:
            props.append(OxmlElement("w:tblHeader"))


def describe_pictures(document, descriptions: list[str]) -> None:
    """Alternative text for the pictures, in document order."""
    found = list(document.element.body.iter(qn("wp:docPr")))
    for doc_pr, text in zip(found, descriptions, strict=True):
        doc_pr.set("descr", text)
        doc_pr.set("title", text[:80])


def add_page_fields(header_part_element) -> None:
    """'Page n of N' as Word fields, appended to the header's last paragraph."""
    paragraphs = list(header_part_element.iter(qn("w:p")))
    p = paragraphs[-1]
    for before, field in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        p.append(_run(before))
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), f" {field} ")
        simple.append(_run("1"))
        p.append(simple)


def set_language(styles_element, lang: str = "en-GB") -> None:
    """The language of every run that does not say otherwise."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    tag.set(qn("w:val"), lang)


def _run(text: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r
