"""`reviewer aggregate`: the sex-split picture of one or several rounds as JSON (docs/aggregate-format.md) or as a
plain-text report, optionally against a baseline round (before/after) or as a trend over three or more rounds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reviewer.bootstrap import bootstrap
from reviewer.cli.output import emit
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message, language_from_environment
from reviewer.services.aggregation import (
    AggregateRequest,
    AggregationError,
    aggregate,
    compare_rounds,
    trend,
    unit_of,
)
from reviewer.services.aggregation.change_text import render_before_after_text, render_trend_text
from reviewer.services.aggregation.json_form import before_after_to_json, to_json, trend_to_json
from reviewer.services.aggregation.text import render_text
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import find_round_by_name


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _thresholds(args: argparse.Namespace) -> Thresholds:
    defaults = Thresholds()
    thresholds = Thresholds(
        min_difference_pp=defaults.min_difference_pp if args.min_difference is None else args.min_difference,
        alpha=defaults.alpha if args.alpha is None else args.alpha,
        fdr_q=defaults.fdr_q if args.fdr_q is None else args.fdr_q,
    )
    if not 0 < thresholds.alpha < 1:
        raise AggregationError(Message("--alpha ska ligga mellan 0 och 1", "--alpha must be between 0 and 1"))
    if not 0 < thresholds.fdr_q < 1:
        raise AggregationError(Message("--fdr-q ska ligga mellan 0 och 1", "--fdr-q must be between 0 and 1"))
    if thresholds.min_difference_pp < 0:
        raise AggregationError(
            Message("--min-difference får inte vara negativ", "--min-difference must not be negative")
        )
    return thresholds


def run_aggregate(args: argparse.Namespace) -> int:
    if args.trend and args.compare is not None:
        raise AggregationError(
            Message(
                "Välj antingen --trend eller --compare",
                "Choose either --trend or --compare",
            )
        )
    if args.compare is not None and len(args.rounds) != 1:
        raise AggregationError(
            Message(
                "--compare jämför en omgång med en annan; ange bara en --round",
                "--compare compares one round with another; give only one --round",
            )
        )
    thresholds = _thresholds(args)
    language = language_from_environment()
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            uuids = tuple(find_round_by_name(session, name).uuid for name in args.rounds)
            request = AggregateRequest(
                round_uuids=uuids,
                unit=args.unit,
                reviewer=args.reviewer,
                breakdown=args.by,
                thresholds=thresholds,
                include_in_progress=args.include_in_progress,
            )
            before_after = round_trend = None
            if args.trend:
                round_trend = trend(session, uuids, request)
                result = aggregate(session, request)
            elif args.compare is not None:
                baseline = find_round_by_name(session, args.compare).uuid if args.compare else None
                before_after = compare_rounds(session, uuids[0], baseline, request)
                result = before_after.after
            else:
                result = aggregate(session, request)
            definition = definition_of(get_version(session, result.checklist_slug, result.checklist_version))
    finally:
        app.close()
    if args.format == "json":
        document: dict[str, Any] = to_json(result)
        if before_after is not None:
            document["before_after"] = before_after_to_json(before_after)
        if round_trend is not None:
            document["trend"] = trend_to_json(round_trend)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        units = {q.key: unit_of(q.type) for q in definition.questions()}
        text = render_text(result, language, units)
        if before_after is not None:
            text += "\n" + render_before_after_text(before_after, language)
        if round_trend is not None:
            text += "\n" + render_trend_text(round_trend, language)
    emit(text, args.output)
    return 0
