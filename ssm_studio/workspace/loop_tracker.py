"""The feedback loops of an open document, and the labels they have been given.

A headless service, not a scene: every view of the document (the overlay, each side-by-side
pane, the loops panel, exports) asks it, so R2 is R2 everywhere. It searches off the calling
thread on request, cancelling a search that a newer change has made stale, and it gives the
labels to the file at save time without touching the document or its undo history.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from ..analysis import LoopReport, find_loops
from ..edits import Document
from ..model import CausalLoopDiagram, LoopName, Project

ReportCallback = Callable[[LoopReport], None]


class LoopTracker:
    def __init__(self, document: Document, budget: float = 0.3) -> None:
        self.document = document
        self.budget = budget
        # key -> (label, name) of every loop shown this session; saved loop names win.
        self.session_labels: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        # One pending search per asker (each view of the document): a newer request from the
        # same asker cancels its older one, and never another view's.
        self._cancels: dict[object, threading.Event] = {}

    # Searching ------------------------------------------------------------------------------
    def compute(self, perspectives: Iterable[str] | None = None, budget: float | None = None,
                cancel: Callable[[], bool] | None = None, project: Project | None = None) -> LoopReport:
        """Search now, on this thread (exports and the command line)."""
        with self._lock:
            known = dict(self.session_labels)
        report = find_loops(project or self.document.project, perspectives,
                            time_budget=self.budget if budget is None else budget,
                            cancel=cancel, known_labels=known)
        self._remember(report)
        return report

    def request(self, perspectives: Iterable[str] | None, on_done: ReportCallback,
                budget: float | None = None, asker: object = None) -> Future:
        """Search on a worker thread; ``on_done`` runs there with the report, unless a newer
        request came first (the older search is then cancelled and reports nothing).

        The worker reads a snapshot taken here, so the user can go on editing meanwhile.
        """
        snapshot = _snapshot(self.document.project)
        chosen = None if perspectives is None else list(perspectives)
        previous = self._cancels.get(asker)
        if previous is not None:
            previous.set()
        cancel = self._cancels[asker] = threading.Event()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ssm-loops")

        def work() -> LoopReport | None:
            if cancel.is_set():
                return None
            report = self.compute(chosen, budget, cancel.is_set, snapshot)
            if cancel.is_set():
                return None
            on_done(report)
            return report

        return self._executor.submit(work)

    def close(self) -> None:
        for cancel in self._cancels.values():
            cancel.set()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def _remember(self, report: LoopReport) -> None:
        with self._lock:
            for loop in report.loops:
                self.session_labels[loop.key] = (loop.label, loop.name)

    # Saving ---------------------------------------------------------------------------------
    def project_for_saving(self) -> Project:
        """The project with every label shown this session recorded, so R2 is still R2 when
        the file is opened next month. The document itself is not changed (saving is not an
        edit); shallow copies keep this cheap."""
        project = self.document.project
        stored = {n.key for n in project.cld.loop_names}
        with self._lock:
            new = [(key, label, name) for key, (label, name) in self.session_labels.items()
                   if key not in stored]
        if not new:
            return project
        names = list(project.cld.loop_names)
        for key, label, name in sorted(new, key=lambda item: item[1]):
            try:
                names.append(LoopName(key=key, label=label, name=name))
            except ValueError:
                continue  # a label that cannot be stored is simply given afresh next time
        cld = project.cld.model_copy(update={"loop_names": names})
        return project.model_copy(update={"cld": cld})


def _snapshot(project: Project) -> Project:
    """What a loop search reads, copied so that edits made meanwhile cannot change it."""
    cld = CausalLoopDiagram.model_construct(
        variables=list(project.cld.variables),  # ids and order only; ids never change
        links=[link.model_copy() for link in project.cld.links],
        loop_names=[name.model_copy() for name in project.cld.loop_names],
    )
    return Project.model_construct(
        format_version=project.format_version, id=project.id, metadata=project.metadata,
        perspectives=list(project.perspectives), rich_picture=project.rich_picture, cld=cld,
        root_definitions=[], conceptual_models=[], actions=[],
    )
