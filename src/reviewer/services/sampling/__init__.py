"""Drawing a round's sample from the case system's list of closed cases (docs/planning.md)."""

from reviewer.services.sampling.case_list import CaseList, read_case_list
from reviewer.services.sampling.drawing import (
    RoundList,
    SampleSummary,
    preview_sample,
    read_round_list,
    sample_round,
)
from reviewer.services.sampling.record import SamplingRecord, record_from_dict, record_to_dict, sampling_of

__all__ = [
    "CaseList",
    "RoundList",
    "SampleSummary",
    "SamplingRecord",
    "preview_sample",
    "read_case_list",
    "read_round_list",
    "record_from_dict",
    "record_to_dict",
    "sample_round",
    "sampling_of",
]
