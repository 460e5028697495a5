from PySide6.QtCore import QPersistentModelIndex, Qt

from reviewer.ui.table_model import Column, RecordFilterProxy, RecordTableModel


def make(qapp):
    model = RecordTableModel([Column("Namn", lambda r: r[0]), Column("Antal", lambda r: str(r[1]), lambda r: r[1])])
    model.set_records([("b", 10), ("a", 9), ("c", 100)])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def texts(proxy, column):
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_sorting_through_the_proxy_sorts_the_records_by_their_key(qapp):
    _model, proxy = make(qapp)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert texts(proxy, 1) == ["9", "10", "100"], "numbers sort as numbers, not as text"
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, 0) == ["c", "b", "a"]


def test_a_selection_follows_its_row_through_a_sort(qapp):
    model, proxy = make(qapp)
    held = QPersistentModelIndex(model.index(1, 0))
    assert held.data() == "a"
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert held.row() == 2
    assert held.data() == "a"


def test_filtering_keeps_working_after_a_sort(qapp):
    _model, proxy = make(qapp)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterFixedString("b")
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, 0) == ["b"]
