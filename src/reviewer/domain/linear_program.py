"""A linear program solved again and again with different objectives – the disclosure audit and the release check
ask the same program for the least and largest value of figure after figure.

`scipy.optimize.linprog` checks and converts its arguments and builds a new HiGHS model on every call: for the
audits' small programs (a few dozen unknowns) that is some nine tenths of the time. Here the model is handed to
HiGHS once, and each solve only changes the objective (HiGHS then starts from the last optimal basis). The HiGHS is
scipy's own, through the module `linprog` itself uses (`scipy.optimize._highspy`, private: checked once on a small
program, and `linprog` is used when it is missing or behaves otherwise). An optimum's value is the same either way;
the point found may differ where the optimum is not unique, which callers must not depend on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

try:
    from scipy.optimize._highspy import _core as _highs
except ImportError:  # pragma: no cover - an older scipy
    _highs = None


Row = tuple[Mapping[int, float], float]  # coefficients by unknown, and the right-hand side


class LinearProgram:
    """Minimise c·x subject to the `equalities` (row = bound), the `inequalities` (row ≤ bound) and lower ≤ x ≤
    upper, for many c. `direct`: False for `linprog` on every solve (the reference the direct use of HiGHS is tested
    against)."""

    def __init__(
        self,
        size: int,
        equalities: Sequence[Row],
        inequalities: Sequence[Row],
        lower: np.ndarray,
        upper: np.ndarray,
        direct: bool | None = None,
    ) -> None:
        self.size = size
        self._equalities, self._inequalities = equalities, inequalities
        self._lower, self._upper = lower, upper
        self._model: Any = None
        self._columns = np.arange(size, dtype=np.int32)
        self._nonzero: set[int] = set()
        if direct if direct is not None else direct_available():
            self._model = _model(size, equalities, inequalities, lower, upper)

    def minimum(self, objective: np.ndarray | Mapping[int, float]) -> Optimum | None:
        """The least value of the objective – dense, or sparse as unknown → coefficient – and a point where it is
        reached; None when the program has no solution."""
        if isinstance(objective, np.ndarray):
            columns, costs = self._columns, objective.astype(np.float64)
        else:
            changed = self._nonzero | set(objective)  # the last objective's other terms are set back to 0
            columns = np.fromiter(changed, dtype=np.int32, count=len(changed))
            costs = np.array([objective.get(c, 0.0) for c in changed], dtype=np.float64)
        if self._model is None:
            return self._linprog(columns, costs)
        self._model.changeColsCost(len(columns), columns, costs)
        self._nonzero = set(columns[costs != 0.0].tolist())
        self._model.run()
        if self._model.getModelStatus() != _highs.HighsModelStatus.kOptimal:
            return None
        return Optimum(self._model.getObjectiveValue(), np.array(self._model.getSolution().col_value))

    def _linprog(self, columns: np.ndarray, costs: np.ndarray) -> Optimum | None:
        objective = np.zeros(self.size)
        objective[columns] = costs
        a_eq, b_eq = _matrix(self._equalities, self.size)
        a_ub, b_ub = _matrix(self._inequalities, self.size)
        bounds = np.column_stack([self._lower, self._upper])
        result = linprog(objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if result.status != 0:
            return None
        return Optimum(float(result.fun), result.x)


def _matrix(rows: Sequence[Row], size: int) -> tuple[sparse.csr_array | None, np.ndarray | None]:
    if not rows:
        return None, None
    start, index, value = _rowwise(rows)
    return sparse.csr_array((value, index, start), shape=(len(rows), size)), np.array([b for _r, b in rows])


def _rowwise(rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows' coefficients in compressed sparse row form: where each row starts, the unknowns, the values."""
    start = np.zeros(len(rows) + 1, dtype=np.int32)
    start[1:] = np.cumsum([len(coefficients) for coefficients, _b in rows])
    index = np.fromiter((u for coefficients, _b in rows for u in coefficients), dtype=np.int32, count=start[-1])
    value = np.fromiter((c for coefficients, _b in rows for c in coefficients.values()), np.float64, count=start[-1])
    return start, index, value


class Optimum(NamedTuple):
    value: float
    point: np.ndarray


def _model(
    size: int, equalities: Sequence[Row], inequalities: Sequence[Row], lower: np.ndarray, upper: np.ndarray
) -> Any:
    """A HiGHS model of the program, with a zero objective, silent."""
    rows = [*equalities, *inequalities]
    start, index, value = _rowwise(rows)
    lp = _highs.HighsLp()
    lp.num_col_ = size
    lp.num_row_ = len(rows)
    lp.a_matrix_.num_col_ = size
    lp.a_matrix_.num_row_ = len(rows)
    lp.a_matrix_.format_ = _highs.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = start
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.col_cost_ = np.zeros(size)
    lp.col_lower_ = np.asarray(lower, dtype=np.float64)
    lp.col_upper_ = np.asarray(upper, dtype=np.float64)
    bounds = np.array([b for _r, b in rows], dtype=np.float64)
    lp.row_lower_ = np.concatenate([bounds[: len(equalities)], np.full(len(inequalities), -np.inf)])
    lp.row_upper_ = bounds
    model = _highs._Highs()
    model.setOptionValue("output_flag", False)
    if model.passModel(lp) == _highs.HighsStatus.kError:
        raise ValueError("HiGHS refused the linear program")  # pragma: no cover - the arrays are built above
    return model


@cache
def direct_available() -> bool:
    """Whether scipy's HiGHS module is there and answers a small program as `linprog` does."""
    if _highs is None:
        return False  # pragma: no cover - an older scipy
    try:
        equalities: list[Row] = [({0: 1.0, 1: 1.0}, 4.0), ({1: 1.0, 2: 1.0}, 3.0)]
        direct = LinearProgram(3, equalities, [({0: 1.0}, 3.0)], np.zeros(3), np.full(3, 10.0), direct=True)
        low, high = direct.minimum({1: 1.0}), direct.minimum(np.array([0.0, -1.0, 0.0]))
        infeasible = LinearProgram(1, [({0: 1.0}, -1.0)], [], np.zeros(1), np.ones(1), direct=True)
        return (
            low is not None
            and high is not None
            and abs(low.value - 1.0) < 1e-9  # x0 + x1 = 4, x1 + x2 = 3, x0 <= 3: x1 from 1 to 3
            and abs(low.point[1] - 1.0) < 1e-9
            and abs(high.value + 3.0) < 1e-9
            and abs(high.point[1] - 3.0) < 1e-9
            and infeasible.minimum({0: 1.0}) is None
        )
    except Exception:  # pragma: no cover - scipy's private module changed: linprog it is
        return False
