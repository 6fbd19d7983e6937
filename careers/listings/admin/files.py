"""Reading a recruiter's file of listings (CSV or Excel) for the bulk import, within
limits: a file is at most MAX_ROWS rows (an Excel file also at most MAX_EMPTY_ROWS
empty ones and MAX_UNPACKED_MB unpacked), refused before any row is checked, saying
the limit, and read once for its preview."""

from __future__ import annotations

import math
import zipfile
from io import BytesIO

import openpyxl
import tablib
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

# A file of 14,000 rows took 30 s to preview and left a 61 MB page: a recruiter's batch
# is tens of listings, so 500 is room enough and bounds a preview to a few seconds.
MAX_ROWS = 500
# nginx's cap on a body (client_max_body_size) is a little above this, so that a file
# just over it is refused here, saying this limit; this holds without nginx too.
MAX_FILE_KB = 256
# Rows of an Excel sheet with no text (empty cells, or only spaces: a sheet formatted
# below its data) are read as well, and as slowly, as rows of listings: a 238 KB file of
# 1.7 million such rows took 50 s and 242 MB to read when only listings were counted.
MAX_EMPTY_ROWS = 1000
# Zip packs repeated text up to 1,000 times (a 220 KB file held one row of 2 million
# cells: 35 s and 1.9 GB to read); a file of 500 real listings unpacks to 1-2 MB. Zip
# records each part's size, and Python's zipfile (which openpyxl reads with) never
# unpacks more, so this is checked before anything is parsed.
MAX_UNPACKED_MB = 4
# Columns past this many are not read (the template has 35).
MAX_COLUMNS = 64
# What Excel's "CSV UTF-8" writes (with a byte-order mark); the admin reads with it too.
ENCODING = "utf-8-sig"

# The columns, in the order of the template a recruiter fills in (README, recruiters).
COLUMNS = (
    "title", "company", "role", "openings", "description", "location", "work_mode",
    "shore", "shift", "salary_min", "salary_max", "salary_currency", "salary_period",
    "show_salary", "min_education", "spoken_english", "written_english", "languages",
    "typing_wpm", "experience_min_years", "experience_max_years", "apply_email",
    "apply_phone", "apply_whatsapp", "apply_url", "how_to_apply", "walk_in_date",
    "walk_in_from", "walk_in_until", "walk_in_venue", "walk_in_bring",
    "applications_close", "country", "description_hi", "description_fil",
)  # fmt: skip


def shown(value: object) -> str:
    """A cell's value quoted back to its writer, cut short."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:40]}…"


class FileRefused(ValueError):
    """A file over a limit that only reading it shows; the message names the limit."""


class ReadByTheForm:
    """A format that gives the preview the dataset ListingImportForm has read from the
    same upload (ListingImportMixin.write_to_tmp_storage hands it over), rather than
    reading the file a second time."""

    read_already: tablib.Dataset | None = None

    def create_dataset(self, in_stream) -> tablib.Dataset:
        if self.read_already is not None:
            dataset, self.read_already = self.read_already, None
            return dataset
        return self.read(in_stream)

    def read(self, in_stream) -> tablib.Dataset:
        return super().create_dataset(in_stream)


class ListingCSV(ReadByTheForm, CSV):
    pass


class ListingXLSX(ReadByTheForm, XLSX):
    """The first sheet, read no further than a file may go: a few KB of XLSX can hold
    a million rows. Empty cells read as empty text, as in a CSV file, and empty rows
    (a sheet formatted below its data) are left out, but counted."""

    def read(self, in_stream: bytes) -> tablib.Dataset:
        with zipfile.ZipFile(BytesIO(in_stream)) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
        if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
            raise FileRefused(
                f"This Excel file unpacks to {unpacked / 1024 / 1024:.1f} MB; the limit "
                f"is {MAX_UNPACKED_MB} MB, far more than {MAX_ROWS} listings need. It "
                "may hold other sheets, pictures or formatting: copy the rows of "
                "listings into a new workbook and save that, or save it as “CSV UTF-8”."
            )
        book = openpyxl.load_workbook(
            BytesIO(in_stream), read_only=True, data_only=True
        )
        try:
            rows = book.active.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            headers = [str(cell or "").strip() for cell in next(rows, ())]
            while headers and not headers[-1]:  # read_only pads to max_col
                headers.pop()
            dataset = tablib.Dataset(headers=headers)
            empty = 0
            for values in rows:
                cells = ["" if cell is None else cell for cell in values]
                cells = (cells + [""] * len(headers))[: len(headers)]
                if any(str(cell).strip() for cell in cells):
                    dataset.append(cells)
                    if len(dataset) > MAX_ROWS:
                        break  # enough to refuse it
                else:
                    empty += 1
                    if empty > MAX_EMPTY_ROWS:
                        raise FileRefused(
                            f"This file has more than {MAX_EMPTY_ROWS:,} empty rows (no "
                            "text, or only spaces); the limit is "
                            f"{MAX_EMPTY_ROWS:,} empty rows a file. Copy the rows of "
                            "listings into a new workbook and save that."
                        )
        finally:
            book.close()
        return dataset


class ListingImportForm(ImportForm):
    """The file is read and counted here, before the admin stores it or checks a row:
    one over the limits is refused at once, saying the limit."""

    def __init__(self, formats, resources, **kwargs) -> None:
        super().__init__(formats, resources, **kwargs)
        self.file_formats = formats
        self.fields["import_file"].help_text = (
            f"At most {MAX_ROWS} rows and {MAX_FILE_KB} KB a file; the first row "
            "names the columns."
        )

    def clean(self) -> dict:
        data = super().clean()
        upload, choice = data.get("import_file"), data.get("format")
        if upload is None or not choice:
            return data
        if upload.size > MAX_FILE_KB * 1024:
            self.add_error(
                "import_file",
                f"This file is {math.ceil(upload.size / 1024)} KB; the limit is "
                f"{MAX_FILE_KB} KB a file. Split it into smaller files.",
            )
            return data
        file_format = self.file_formats[int(choice)](encoding=ENCODING)
        try:
            dataset = file_format.create_dataset(upload.read())
        except FileRefused as refused:
            self.add_error("import_file", str(refused))
            return data
        except Exception:  # any reader's own error means the same to the importer
            self.add_error(
                "import_file",
                f"This file could not be read as {file_format.get_title().upper()}. "
                "Check the format chosen; from Excel, save as “Excel Workbook” "
                "(.xlsx) or “CSV UTF-8”.",
            )
            return data
        finally:
            upload.seek(0)
        if len(dataset) > MAX_ROWS:
            self.add_error(
                "import_file",
                f"This file has more than {MAX_ROWS} rows; the limit is {MAX_ROWS} "
                f"rows a file. Split it into files of {MAX_ROWS} rows or fewer.",
            )
            return data
        unknown = [h for h in dataset.headers or () if h and h not in COLUMNS]
        if unknown:
            self.add_error(
                "import_file",
                f"Unknown columns: {', '.join(map(shown, unknown))}. The first row "
                f"names the columns, from: {', '.join(COLUMNS)}.",
            )
        upload.dataset = dataset  # for the preview (ListingImportMixin)
        return data
