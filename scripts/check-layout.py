#!/usr/bin/env python3
"""Checks that the source tree keeps the shape the README's Layout section describes.

  scripts/check-layout.py [ROOT]

- no #include reaches into another folder by a relative path ("../");
- no public header (include/outreach/) includes nlohmann/json;
- no cycle between modules: a source file and its header count as one module (foo.cpp with
  foo.hpp beside it, or src/core/**/foo.cpp with the public include/outreach/foo.hpp); module A
  depends on B when a file of A includes a header of B;
- every folder of the library, the command line and the tests is named in README's "Layout".

Prints each problem on a line of its own and exits 1 if there is any.
"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
include_roots = [os.path.join(root, p) for p in ("include", "src/core", "src/cli", "tests/support")]
code_dirs = ["include", "src", "tests/unit", "tests/support", "fuzz", "bench"]
include_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
problems = []


def code_files():
    for top in code_dirs:
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".cpp", ".hpp")):
                    yield os.path.join(dirpath, name)


def rel(path):
    return os.path.relpath(path, root)


def resolve(including, name):
    """The project file a quoted #include names, or None for anything else."""
    for base in [os.path.dirname(including)] + include_roots:
        candidate = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(candidate):
            return candidate
    return None


includes = {}  # file -> [(quoted, name)]
for path in code_files():
    with open(path, encoding="utf-8") as f:
        includes[path] = [(q == '"', name) for q, name in include_re.findall(f.read())]

for path, found in includes.items():
    for quoted, name in found:
        if quoted and name.startswith(".."):
            problems.append(f"{rel(path)}: includes {name} by a relative path")
        if rel(path).startswith("include/") and name.startswith("nlohmann/"):
            problems.append(f"{rel(path)}: a public header includes {name}")

# Modules of the library and the command line.
library = [p for p in includes if rel(p).startswith(("include/", "src/"))]
module_of = {p: p for p in library if p.endswith(".hpp")}
for path in library:
    if path.endswith(".cpp"):
        name = os.path.basename(path)[:-4] + ".hpp"
        beside = os.path.join(os.path.dirname(path), name)
        public = os.path.join(root, "include", "outreach", name)
        if beside in module_of:
            module_of[path] = beside
        elif rel(path).startswith("src/core/") and public in module_of:
            module_of[path] = public
        else:
            module_of[path] = path
edges = {}
for path in library:
    for quoted, name in includes[path]:
        target = resolve(path, name) if quoted else None
        if target in module_of and module_of[target] != module_of[path]:
            edges.setdefault(module_of[path], set()).add(module_of[target])


def stem(module):
    return rel(module).rsplit(".", 1)[0]


state = {}  # module -> 1 while being visited, 2 once done


def visit(module, trail):
    state[module] = 1
    for target in sorted(edges.get(module, ())):
        if state.get(target) == 1:
            cycle = trail[trail.index(target):] + [target]
            problems.append("cycle between modules: " + " -> ".join(stem(m) for m in cycle))
        elif target not in state:
            visit(target, trail + [target])
    state[module] = 2


for module in sorted(set(module_of.values())):
    if module not in state:
        visit(module, [module])

# The README's Layout section names every folder.
with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
    readme = f.read()
section = re.search(r"^## Layout\n(.*?)(?=^## )", readme, re.M | re.S)
if not section:
    problems.append("README.md: no '## Layout' section")
else:
    text = section.group(1)
    folders = []
    for parent in ("src/core", "tests/unit"):
        for name in sorted(os.listdir(os.path.join(root, parent))):
            if os.path.isdir(os.path.join(root, parent, name)):
                folders.append(f"{parent}/{name}/")
    folders += ["include/outreach/", "src/cli/", "tests/support/", "tests/cli/", "bench/",
                "fuzz/", "scripts/", "examples/"]
    for folder in folders:
        if folder not in text and folder.split("/")[-2] + "/" not in text:
            problems.append(f"README.md: the Layout section does not name {folder}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
