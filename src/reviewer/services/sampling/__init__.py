"""Drawing a round's sample from the case system's list of closed cases (docs/planning.md)."""

from reviewer.services.sampling.case_list import CaseList, read_case_list
from reviewer.services.sampling.drawing import SampleSummary, sample_round, sampling_record

__all__ = ["CaseList", "SampleSummary", "read_case_list", "sample_round", "sampling_record"]
