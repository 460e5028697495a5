"""Inter-rater agreement of real double reviews: the cases two or more reviewers reviewed, measured per question
(`collect`), in the types every reader shares (`model`), as documented JSON (`json_form`, docs/agreement-format.md)
and as text (`text`)."""

from reviewer.services.agreement.collect import inter_rater_agreement, level_of
from reviewer.services.agreement.model import AgreementError, AgreementResult, QuestionAgreement, RoundLabel

__all__ = [
    "AgreementError",
    "AgreementResult",
    "QuestionAgreement",
    "RoundLabel",
    "inter_rater_agreement",
    "level_of",
]
