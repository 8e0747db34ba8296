"""data.load: every kind of damaged or unknown input gives one clear error naming the file."""

import hashlib
import json

import pytest

from ruralrev import data
from ruralrev.data import DataError


def _rehash(folder, name):
    """Update datapackage.json after an edit, as someone rebuilding the descriptor would."""
    meta_path = folder / "datapackage.json"
    meta = json.loads(meta_path.read_text())
    for res in meta["resources"]:
        if res["name"] == name:
            res["hash"] = "sha256:" + hashlib.sha256((folder / res["path"]).read_bytes()).hexdigest()
    meta_path.write_text(json.dumps(meta))


def _one_line(exc):
    msg = str(exc.value)
    assert "\n" not in msg
    assert "git checkout -- data/" in msg or "choose one of" in msg
    return msg


def test_missing_file_names_the_file(data_copy):
    (data_copy / "gini.csv").unlink()
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "data/gini.csv is missing" in _one_line(exc)


def test_edited_value_fails_the_hash_check(data_copy):
    path = data_copy / "headcount.csv"
    path.write_text(path.read_text().replace("98.99", "89.99"))
    with pytest.raises(DataError) as exc:
        data.load("headcount", data_copy)
    assert "data/headcount.csv has been changed" in _one_line(exc)


def test_truncated_file_fails(data_copy):
    path = data_copy / "income.csv"
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(DataError, match="data/income.csv"):
        data.load("income", data_copy)


def test_wrong_type_is_reported_with_row_and_column(data_copy):
    path = data_copy / "gini.csv"
    path.write_text(path.read_text().replace("0.474", "high", 1))
    _rehash(data_copy, "gini")
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "data/gini.csv: column 'gini'" in _one_line(exc) and "'high', not a number" in str(exc.value)


def test_out_of_range_value_is_reported(data_copy):
    path = data_copy / "gini.csv"
    path.write_text(path.read_text().replace("0.474", "4.74", 1))
    _rehash(data_copy, "gini")
    with pytest.raises(DataError, match="above the maximum 1"):
        data.load("gini", data_copy)


def test_extra_column_is_reported(data_copy):
    path = data_copy / "county_exits.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0] + ",extra"] + [x + ",1" for x in lines[1:]]) + "\n")
    _rehash(data_copy, "county_exits")
    with pytest.raises(DataError, match=r"data/county_exits.csv has columns .*unexpected: \['extra'\]"):
        data.load("county_exits", data_copy)


def test_unknown_source_id_is_reported(data_copy):
    path = data_copy / "gini.csv"
    text = path.read_text()
    path.write_text(text.replace(",verified,", ",verified,", 1).replace("wenxuecity", "nosuchsource", 1))
    _rehash(data_copy, "gini")
    with pytest.raises(DataError, match="cites source_id 'nosuchsource'"):
        data.load("gini", data_copy)


def test_unknown_table_lists_the_choices():
    with pytest.raises(DataError) as exc:
        data.load("headcounts")
    assert "no table named 'headcounts'" in _one_line(exc) and "headcount" in str(exc.value)


def test_missing_descriptor(data_copy):
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(DataError, match="data/datapackage.json is missing"):
        data.load("gini", data_copy)


def _edit_descriptor(folder, edit):
    path = folder / "datapackage.json"
    meta = json.loads(path.read_text())
    edit(meta, next(r for r in meta["resources"] if r["name"] == "gini"))
    path.write_text(json.dumps(meta))


@pytest.mark.parametrize("edit, fragment", [
    (lambda meta, res: meta.pop("resources"), "it has no list of resources"),
    (lambda meta, res: meta.update(resources={"gini": res}), "it has no list of resources"),
    (lambda meta, res: res.pop("path"), "resource 4 (gini) has no path"),
    (lambda meta, res: res.pop("hash"), "resource 4 (gini) has no hash"),
    (lambda meta, res: res.pop("schema"), "table 'gini' has no valid list of fields"),
    (lambda meta, res: res["schema"]["fields"][1].pop("type"), "table 'gini' has no valid list of fields"),
    (lambda meta, res: res["schema"]["fields"][1].update(type="decimal"), "table 'gini' has no valid list of fields"),
    (lambda meta, res: res.update(path="../../pyproject.toml"), "not a .csv file name inside data/"),
], ids=["no-resources", "resources-not-a-list", "no-path", "no-hash", "no-schema", "field-without-type",
        "unknown-type", "path-outside-data"])
def test_damaged_descriptor_is_named_not_a_traceback(data_copy, edit, fragment):
    _edit_descriptor(data_copy, edit)
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "data/datapackage.json is damaged" in _one_line(exc) and fragment in str(exc.value)


@pytest.mark.parametrize("name", ["gini.csv", "datapackage.json"])
def test_a_folder_in_place_of_a_file_is_reported(data_copy, name):
    (data_copy / name).unlink()
    (data_copy / name).mkdir()
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert f"data/{name} cannot be read" in _one_line(exc)


def test_empty_file_fails_the_hash_check(data_copy):
    (data_copy / "gini.csv").write_bytes(b"")
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "data/gini.csv has been changed" in _one_line(exc)


def test_edited_sources_table_is_named_when_another_table_loads(data_copy):
    path = data_copy / "sources.csv"
    path.write_text(path.read_text().replace("National Bureau of Statistics", "Someone else", 1))
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "data/sources.csv has been changed" in _one_line(exc)


def test_windows_line_endings_load_the_same_table(data_copy):
    path = data_copy / "gini.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = data.load("gini", data_copy)
    assert crlf.equals(data.load("gini"))
    assert crlf["gini"].dtype == "float64" and not crlf["source_id"].str.endswith("\r").any()


def test_ipython_shows_the_message_not_a_traceback(data_copy):
    (data_copy / "gini.csv").unlink()
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert exc.value._render_traceback_() == [f"DataError: {exc.value}"]


def test_loaded_frame_carries_citation_and_units_and_is_a_copy():
    df = data.load("headcount")
    assert df.attrs["units"]["poor_million"] == "million people"
    assert "data/headcount.csv" in df.attrs["citation"]
    df.loc[0, "poor_million"] = -1
    assert data.load("headcount").loc[0, "poor_million"] != -1


def test_cite_gives_publisher_title_and_address():
    text = data.cite("zylgz_202001")
    assert text.startswith("[zylgz_202001] National Bureau of Statistics") and "http://zylgz.com" in text
    with pytest.raises(DataError, match="no source_id 'nope'"):
        data.cite("nope")
    for not_ids in (None, 5, "", "  "):
        with pytest.raises(DataError, match="cite\\(\\) takes source ids as text"):
            data.cite(not_ids)
