"""The beam tree stays readable when dense: labels never overlap or get cut, the view scrolls and zooms."""
from __future__ import annotations

import itertools
import random

import pytest
from PySide6.QtCore import QRectF, Qt

from core.generation_types import BeamNode, BeamStep
from gui.panels.generation_beam import BeamPage

TOKENS = ["_the", "_a", ",", "_little", "_wonderfully", "\n", "_Lily", "_was", "s", "_happy", "!", "_and"]


def _dense_steps(n_steps: int = 40, beams: int = 4, seed: int = 0) -> list[BeamStep]:
    """A beam search's growth: 2 × beams candidates per step, the first ``beams`` continue."""
    rng = random.Random(seed)
    ids = itertools.count()
    alive: list[int] = [-1] * beams
    steps: list[BeamStep] = []
    scores = {-1: 0.0}
    for t in range(n_steps):
        new = []
        for _ in range(2 * beams):
            parent = rng.choice(alive)
            nid = next(ids)
            scores[nid] = scores[parent] - rng.uniform(0.01, 3.0)
            new.append(BeamNode(nid, parent, t, rng.randrange(400), rng.choice(TOKENS), scores[nid]))
        new.sort(key=lambda n: -n.score)
        new = [BeamNode(n.node_id, n.parent, n.step, n.token_id, n.token, n.score,
                        finished=t == n_steps - 1 and i < beams) for i, n in enumerate(new)]
        alive = [n.node_id for n in new[:beams]]
        finished = tuple(alive) if t == n_steps - 1 else ()
        steps.append(BeamStep(step=t, new_nodes=tuple(new), alive=tuple(alive), finished=finished,
                              finished_scores=tuple(scores[i] for i in finished)))
    return steps


@pytest.fixture
def page(qtbot):
    p = BeamPage()
    qtbot.addWidget(p)
    p.resize(650, 520)        # a docked panel
    p.show()
    qtbot.waitExposed(p)
    return p


def _grow(page, steps):
    page.start("Once upon a time")
    for s in steps:
        page.add_step(s)
    page.flush()


def _text_rects(tree) -> list[tuple[str, QRectF]]:
    """Each label's text in view pixels (without the backdrop's margins)."""
    tree.grab()          # a text item places itself (ignoring the view's scale) when it is painted
    out = []
    for item in tree.label_items():
        margin = item.textItem.document().documentMargin()
        rect = tree.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF()
        out.append((item.textItem.toPlainText(), rect.adjusted(margin, margin, -margin, -margin)))
    return out


def _assert_readable(tree) -> list[str]:
    rects = _text_rects(tree)
    vb = tree.getPlotItem().getViewBox()
    area = tree.mapFromScene(vb.sceneBoundingRect()).boundingRect().toRectF().adjusted(-1, -1, 1, 1)
    for (text, r) in rects:
        assert area.contains(r), f"label {text!r} is cut by the edge of the view"
    for (ta, a), (tb, b) in itertools.combinations(rects, 2):
        overlap = a.intersected(b)
        assert overlap.width() < 1 or overlap.height() < 1, f"labels {ta!r} and {tb!r} overlap"
    return [t for t, _ in rects]


def test_dense_tree_follows_the_newest_steps_with_labels_that_do_not_overlap(qtbot, page):
    steps = _dense_steps()
    _grow(page, steps)
    tree = page.beam_tree
    (x0, x1), _ = tree.getPlotItem().getViewBox().viewRange()
    assert x0 <= 40 <= x1 and tree.follow                       # the newest step is in view
    assert tree.getPlotItem().getViewBox().width() / (x1 - x0) >= tree.min_step_px() - 1
    texts = _assert_readable(tree)
    last_alive = {tree._by_id[i].token for i in steps[-1].alive}
    assert len(texts) >= 8 and any(t.split(" ")[0] in {repr(x)[1:-1] for x in last_alive} for t in texts)
    assert page.scroll.isVisible() and page.scroll.value() == page.scroll.maximum()


def test_scrolling_to_the_start_and_back_with_keys_and_scroll_bar(qtbot, page):
    _grow(page, _dense_steps())
    tree = page.beam_tree
    page.scroll.setValue(page.scroll.minimum())                  # the scroll bar moves the tree
    tree.flush()
    (x0, x1), _ = tree.getPlotItem().getViewBox().viewRange()
    assert x0 < 0 < 1 < x1 and not tree.follow
    texts = _assert_readable(tree)
    assert any(t.endswith("upon a time") for t in texts)         # the root: the prompt's end, not cut off
    page.add_step(_dense_steps(41)[-1])                           # a new step does not pull the view away
    tree.flush()
    assert tree.getPlotItem().getViewBox().viewRange()[0][0] == pytest.approx(x0) and not tree.follow
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.getPlotItem().getViewBox().viewRange()[0][0] == pytest.approx(x0 + 1.0)
    qtbot.keyClick(tree, Qt.Key.Key_End)
    assert tree.follow and tree.is_step_visible(40.0)
    qtbot.wait(60)                                                # the scroll bar follows the view
    assert page.scroll.value() == page.scroll.maximum()


def test_zoomed_out_labels_thin_out_and_pruned_branches_lose_theirs(qtbot, page):
    steps = _dense_steps()
    _grow(page, steps)
    tree = page.beam_tree
    tree.getPlotItem().getViewBox().setXRange(-1, 41, padding=0)     # the whole tree: ~15 px per step
    tree.flush()
    assert not _assert_readable(tree)                                 # no room: no label at all
    tree.getPlotItem().getViewBox().setXRange(10, 22, padding=0)      # ~50 px per step: elided labels
    qtbot.wait(60)
    tree.flush()
    texts = _assert_readable(tree)
    assert texts and all(len(t) <= 6 for t in texts)
    status = tree.status()
    at = {(round(x), y): nid for nid, (x, y) in tree._pos.items()}
    labelled = [at[(round(item.pos().x()), item.pos().y())] for item in tree.label_items()]
    assert all(10 <= tree._pos[i][0] <= 22 for i in labelled)
    assert "pruned" in status.values()
    assert all(status[i] != "pruned" for i in labelled)              # dense: pruned branches lose their labels


def test_every_node_has_a_tooltip_with_its_whole_hypothesis(qtbot, page):
    steps = _dense_steps(n_steps=6)
    _grow(page, steps)
    tree = page.beam_tree
    leaf = steps[-1].alive[0]
    tree.set_best(leaf)
    path = tree.path_of(leaf)
    assert [n.step for n in path] == list(range(6))
    tip = tree.node_tooltip(leaf)
    assert repr("".join(n.token for n in path)) in tip and "Step 6" in tip and "★" in tip
    pruned = next(i for i, s in tree.status().items() if s == "pruned")
    assert "pruned" in tree.node_tooltip(pruned)
    texts = _assert_readable(tree)
    assert any(t.startswith("★") for t in texts)                  # the best node is labelled


def test_many_beams_make_the_tree_taller_instead_of_overlapping(qtbot, page):
    _grow(page, _dense_steps(n_steps=12, beams=8))
    tree = page.beam_tree
    assert tree.minimumHeight() > 240
    _assert_readable(tree)
