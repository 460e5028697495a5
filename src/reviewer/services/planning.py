"""Planning a round's sample from a checklist: how many of its questions are compared by sex decides how strict
the round's adjustment is, and so how many files a difference needs (`domain.power`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.power import PlanInput, SamplePlan, plan
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message
from reviewer.services.aggregation.counting import kind_of
from reviewer.services.checklists import definition_of, get_version


@dataclass(frozen=True)
class ChecklistPlan:
    slug: str
    version: int
    title: Message
    n_compared: int
    n_primary: int
    plan: SamplePlan
    # The round flags a difference of proportions only from this size on, however clear it is.
    min_difference_pp: float


def compared_questions(definition: ChecklistDefinition) -> tuple[int, int]:
    """(questions adjusted together, primary questions): the families the aggregation tests."""
    compared = [q for q in definition.questions() if q.compare_by_sex and kind_of(q) != "not_aggregated"]
    primary = sum(1 for q in compared if q.primary)
    return len(compared) - primary, primary


def plan_for_definition(definition: ChecklistDefinition, request: PlanInput) -> ChecklistPlan:
    n_compared, n_primary = compared_questions(definition)
    title = Message(definition.title.sv, definition.title.en or definition.title.sv)
    # Primary questions alone are tested at alpha, which the single level already gives.
    family = n_compared if n_compared else (1 if n_primary else 0)
    result = plan(replace(request, n_compared=family))
    return ChecklistPlan(
        definition.slug, definition.version, title, n_compared, n_primary, result, Thresholds().min_difference_pp
    )


def plan_for_checklist(session: Session, slug: str, version: int | None, request: PlanInput) -> ChecklistPlan:
    return plan_for_definition(definition_of(get_version(session, slug, version)), request)
