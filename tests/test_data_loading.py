"""data.load: every kind of damaged or unknown input gives one clear error naming the file."""

import hashlib
import json

import pandas as pd
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
    assert "git checkout -- data/" in msg or "Copy the course's data/ folder" in msg or "choose one of" in msg
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


def test_cite_gives_publisher_document_page_and_copy_flag():
    text = data.cite("zylgz_202001")
    assert text.startswith("[zylgz_202001] National Bureau of Statistics of China (NBS): People's Daily, 2020-01-25")
    assert text.endswith("Read at http://zylgz.com/guonei/16400.html (copy).")
    assert data.cite("theorychina_201902;zylgz_202001").count("\n") == 1
    for not_ids in (None, 5, "", "  ", ["", " "]):
        with pytest.raises(DataError, match="cite\\(\\) takes source ids as text"):
            data.cite(not_ids)


def test_cite_of_an_unknown_id_suggests_close_ids_not_a_restore():
    with pytest.raises(DataError) as exc:
        data.cite("zylgz_20200")
    msg = str(exc.value)
    assert "no source_id 'zylgz_20200'" in msg and "did you mean 'zylgz_202001'" in msg
    assert "git checkout" not in msg and "\n" not in msg
    with pytest.raises(DataError, match="data.load\\('sources'\\) lists them all"):
        data.cite("qqqqqqqq")


def test_cite_of_rows_says_which_columns_each_source_supports():
    hc = data.load("headcount")
    text = data.cite(hc[(hc["year"] == 2019) & (hc["standard"] == "2010")])
    assert "[wzkpw] not stated: Popular-science Q&A page" in text and "Supports: poverty_line_yuan." in text
    assert data.cite(hc.loc[[0]]).count("Supports: poor_million, incidence_pct.") == 3


def test_sources_of_one_column_leave_out_the_others():
    hc = data.load("headcount")
    row = hc[(hc["year"] == 2019) & (hc["standard"] == "2010")]
    assert "wzkpw" in data.source_ids(row) and "wzkpw" not in data.source_ids(row, column="poor_million")
    assert data.source_ids(row, column="poverty_line_yuan") == ["wzkpw"]
    assert data.cite(row, column="poverty_line_yuan").startswith("[wzkpw] ")
    for call in (lambda: data.source_ids(pd.DataFrame({"source_id": ["wzkpw"]}), column="poor_million"),
                 lambda: data.source_ids("a;b", column="poor_million"),
                 lambda: data.cite("wzkpw", column="poor_million")):
        with pytest.raises(DataError, match="needs rows of a table returned by data.load"):
            call()


def test_source_ids_splits_cells_and_columns_once():
    assert data.source_ids("a;b;a") == ["a", "b"]
    assert data.source_ids(pd.Series(["b;a", "a;c", ""])) == ["b", "a", "c"]
    assert data.source_ids(data.load("gini")["source_id"])[0] == data.load("gini")["source_id"][0].split(";")[0]


def test_load_takes_one_name_as_text():
    with pytest.raises(DataError) as exc:
        data.load(["headcount"])
    assert "load() takes one table name as text" in _one_line(exc) and "headcount" in str(exc.value)


@pytest.mark.parametrize("edit, fragment", [
    (lambda meta, res: res["sources"].append({"path": "x"}), "sources that are not a list of entries with a title"),
    (lambda meta, res: res.update(sources="NBS"), "sources that are not a list of entries with a title"),
    (lambda meta, res: res["schema"]["fields"][1].update(constraints=["required"]), "constraints are not an object"),
    (lambda meta, res: res["schema"]["fields"][2].update(constraints={"enum": 5}), "enum is not a list"),
    (lambda meta, res: res["schema"]["fields"][0].update(constraints={"pattern": "(["}), "is not a valid regular expression"),
    (lambda meta, res: res["schema"]["fields"][1].update(constraints={"minimum": "0"}), "minimum is not a number"),
    (lambda meta, res: meta["resources"].append(dict(res)), "the table name 'gini' is used by more than one resource"),
], ids=["source-without-title", "sources-a-string", "constraints-a-list", "enum-a-number", "invalid-pattern",
        "minimum-text", "duplicate-name"])
def test_damaged_descriptor_parts_give_one_line(data_copy, edit, fragment):
    _edit_descriptor(data_copy, edit)
    with pytest.raises(DataError) as exc:
        data.load("gini", data_copy)
    assert "datapackage.json is damaged" in _one_line(exc) and fragment in str(exc.value)


def test_messages_name_the_real_folder_when_it_is_not_the_courses(tmp_path, monkeypatch):
    monkeypatch.setenv("RURALREV_DATA", str(tmp_path / "elsewhere"))
    assert data.data_dir() == tmp_path / "elsewhere"
    with pytest.raises(DataError) as exc:
        data.load("gini")
    assert str(exc.value) == (f"{tmp_path / 'elsewhere' / 'datapackage.json'} is missing. Copy the course's data/ "
                              "folder there again (or unset RURALREV_DATA to use the course's own).")


def test_data_dir_is_beside_the_package_whatever_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("RURALREV_DATA", raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    assert data.data_dir() == data.PACKAGE_DATA
    assert "headcount" in data.tables()
