"""``storyline``: the steps a project's storylines tell, or one generated from the model."""

from __future__ import annotations

import argparse
import json

from .lazy import open_any, save_project


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("storyline", help="list a project's storylines and their steps, or generate "
                                                   "one from the model")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--name", metavar="NAME", help="only this storyline")
    parser.add_argument("--generate", action="store_true",
                        help="make a storyline from the model (situation, perspectives, loops, conflicts, actions)")
    parser.add_argument("-o", "--output", metavar="OUT.ssm",
                        help="with --generate: write the project with the new storyline added")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_storyline)


def run_storyline(options: argparse.Namespace) -> int:
    from ..errors import SsmError
    from ..model import PAGE_WORDS

    project = open_any(options.file).project
    if options.generate:
        from ..analysis.storyline import generate_storyline

        made = generate_storyline(project, **({"name": options.name} if options.name else {}))
        storylines = [made]
        if options.output:
            project.storylines.append(made)
            save_project(options.output, project)
    else:
        if options.output:
            raise SsmError("--output writes a generated storyline: use it with --generate.")
        storylines = [s for s in project.storylines
                      if options.name is None or s.name.casefold() == options.name.strip().casefold()]
        if options.name and not storylines:
            known = ", ".join(f"'{s.name}'" for s in project.storylines) or "none"
            raise SsmError(f"There is no storyline called '{options.name}' (the project has {known}).")
    perspectives = {p.id: p.name for p in project.perspectives}
    if options.json:
        print(json.dumps({"storylines": [{
            "name": s.name,
            "steps": [{"page": st.page, "perspectives": [perspectives.get(p, p) for p in st.shown],
                       "loop": st.loop, "caption": st.caption, "notes": st.notes} for st in s.steps],
        } for s in storylines]}, ensure_ascii=False, indent=2))
        return 0
    if not storylines:
        print("No storylines (ssm-studio storyline FILE --generate makes one from the model).")
    for storyline in storylines:
        print(f"{storyline.name}: {len(storyline.steps)} step(s)")
        for number, step in enumerate(storyline.steps, 1):
            shown = ", ".join(perspectives.get(p, "(deleted)") for p in step.shown) or "every perspective"
            loop = ", a loop picked" if step.loop else ""
            print(f"  {number:>2}. {PAGE_WORDS[step.page]} ({shown}{loop}): {step.caption}")
    if options.generate and options.output:
        print(f"Wrote {options.output} with the storyline '{storylines[0].name}'.")
    return 0
