"""Help: "About the framework" (in our own words, with its sources) and "About ddwizard"."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ddwizard import __version__
from ddwizard.core.placement import BORDERLINE, Quadrant

_QUADRANT_NOTES = {
    Quadrant.A: "The school already works in the trust's ways and towards the trust's ends. "
    "Bringing the area together should need little more than keeping it so.",
    Quadrant.B: "The school reaches for the same ends by other means. That can be a sound "
    "footing to agree on, at least for a while, with a later look at whether its "
    "way serves the shared aim. It is also where a trust may want to learn from "
    "the school (see return trips).",
    Quadrant.C: "The school does things the trust's way, but for other reasons. Those "
    "reasons are often unspoken, so say them out loud early; left unsaid they "
    "breed misunderstanding. Schools with a religious character often sit here, "
    "and the trust may change too.",
    Quadrant.D: "Both the ways and the ends differ. It is the hardest place to start from, "
    "not a wrong one: in support areas such as finance or HR, other aims can "
    "still serve the core purpose, and the brief should show how.",
}

SOURCES = [
    "Rollett, S. (2022) <i>Integrating practices as Trusts grow</i>. Nottingham: Confederation "
    "of School Trusts.",
    "Maton, K. (2014) <i>Knowledge and Knowers: Towards a realist sociology of "
    "education</i>. London: Routledge.",
    "Cruddas, L. (2023) <i>Starting with Why: why join a trust and why a trust-based "
    "system?</i> Confederation of School Trusts.",
    "Greany, T. and Bernardes, E. (2024) <i>A constant dance: values-based leadership in "
    "multi-academy trusts</i>. University of Nottingham and Whole Education.",
]


def framework_html() -> str:
    quadrants = "".join(
        f"<li><b>{q.value}: {q.title}.</b> {_QUADRANT_NOTES[q]}</li>" for q in Quadrant
    )
    sources = "".join(f"<li>{s}</li>" for s in SOURCES)
    return f"""
<h2>About the framework</h2>
<p>When a school joins a trust, the usual due diligence (finance, staffing, buildings, legal)
says little about what decides whether the two will work well together: how the school's
professional <i>practices</i>, and the <i>purposes</i> they serve, compare with the trust's.
ddwizard looks at that, one area of school life at a time, and keeps the usual checklist
alongside.</p>

<h3>Areas</h3>
<p>The framework calls each area a <i>referent</i>: curriculum intent, early reading,
behaviour, financial practice and so on. The narrower the area, the more the analysis tells
you, so questions are asked area by area rather than about the school as a whole.</p>

<h3>The plane</h3>
<p>For each area two things are asked, always against one named trust.
<b>Practice</b> (up and down): how far the school's knowledge and ways of working in the area
are the trust's own. <b>Purpose</b> (left and right): how far those ways are aimed at what
the trust, by its own account, does them for, whether written down or only lived. Up and
right mean <i>like the trust</i>; down and left mean <i>unlike it</i>. Neither end is
better: they describe a relationship, not a grade.</p>

<h3>The four quadrants</h3>
<ul>{quadrants}</ul>

<h3>Points, not boxes</h3>
<p>Each answer carries a value between &minus;1 and +1. An area's position on each axis is
the weighted mean of its answered questions on that axis, so it can sit anywhere on the
plane. A point within {BORDERLINE} of an axis is <b>borderline</b>: read it as lying between
quadrants, not in one. An axis with no counted answers leaves the area <b>not placed</b>; it
is never put at zero. Your confidence in an area, and how much its answers disagree, are
kept beside the point.</p>

<h3>Targets and route maps</h3>
<p>A <b>target</b> is where the school and the trust agree an area should sit, and by when.
It need not be A: agreeing B, a shared purpose reached by the school's own means, is often
the right start. A <b>route map</b> is the ordered steps from here to the target, for
example agreeing purposes first and aligning practice later. The danger lies less in the
journey than in a route nobody has explained to the people making it; the integration brief
exists to make routes plain.</p>

<h3>Return trips</h3>
<p>Sometimes a trust takes a school on <i>because</i> its practice in an area differs, and
works better. The area then sits in B for a while, and the trip is complete when that
practice has become the trust's own and the point comes home to A. Mark such areas: the
learning flows from the school to the trust.</p>

<h3>Coming back</h3>
<p>The same school can be assessed again (before joining, after a term, after a year, or
long after) and the movement shown. The questions work just as well for schools already in
a trust asking how integrated they are, and where work is needed.</p>

<h3>Sources</h3>
<p>The framework is Rollett's, built on Maton's Legitimation Code Theory; the reasons for
joining a trust follow Cruddas; the examples of areas owe much to Greany and Bernardes.
The wording in ddwizard is our own.</p>
<ul>{sources}</ul>
"""


ABOUT_DDWIZARD = (
    f"ddwizard {__version__}\n\n"
    "Practice and purpose due diligence for a school joining a School Trust: the "
    "practice–purpose plane, area by area, beside the standard checklist, with a PDF "
    "integration brief for governing boards.\n\n"
    "Everything is kept in one database file on this computer, with automatic backups."
)


class FrameworkHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About the framework")
        self.text = QTextBrowser()
        self.text.setAccessibleName("About the framework")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(framework_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        m = self.fontMetrics()
        wanted = QSize(60 * m.horizontalAdvance("M"), 44 * m.height())
        # Never bigger than the window it opens over, nor the screen (a 1366×768 laptop at
        # 125% is 614 high): the text scrolls, and Close stays in reach.
        room = (parent or self).screen().availableGeometry().size() * 0.9
        if parent is not None:
            room = room.boundedTo(parent.window().size())
        self.resize(wanted.boundedTo(room))
