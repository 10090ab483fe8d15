"""The wizard's steps, declared in one table (`PAGES`): each page's module is imported when
its step is first shown (the start screen needs none of this)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ddwizard.ui.pages.base import Page


@dataclass(frozen=True, slots=True)
class PageEntry:
    """A row of the wizard's table: the step's name and title, and its page class as
    "module:Class" in `ddwizard.ui.pages`. A page's module is imported when its step is
    first shown, so opening an assessment at one step loads that page's code only.
    A `per_area` page is one step for each chosen area, listed under the step before it
    and titled with the area's title."""

    name: str
    title: str
    where: str
    per_area: bool = False

    def page_class(self) -> type[Page]:
        module, _, name = self.where.partition(":")
        return getattr(import_module(f"ddwizard.ui.pages.{module}"), name)


# The wizard's steps, in order.
PAGES: tuple[PageEntry, ...] = (
    PageEntry("about", "About the assessment", "about:AboutPage"),
    PageEntry("trust", "Trust reference", "trust:TrustPage"),
    PageEntry("areas", "Areas to look at", "areas:AreasPage"),
    PageEntry("area", "", "area:AreaPage", per_area=True),
    PageEntry("plane", "Plane and route map", "plane_page:PlanePage"),
    PageEntry("checklist", "Due diligence", "checklist:ChecklistPage"),
    PageEntry("decision", "Decision", "decision:DecisionPage"),
    PageEntry("review", "Review and export", "review:ReviewPage"),
)


def title_of(name: str) -> str:
    """The title of a step that is not per area, as the table declares it."""
    return next(entry.title for entry in PAGES if entry.name == name)
