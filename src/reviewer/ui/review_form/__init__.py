"""The review form: question rows, the form view they are laid out in, and the form that saves what is typed."""

from reviewer.ui.review_form.form import ReviewForm
from reviewer.ui.review_form.form_view import FormView
from reviewer.ui.review_form.question_row import FRAME_WIDTH, QuestionRow

__all__ = ["FRAME_WIDTH", "FormView", "QuestionRow", "ReviewForm"]
