"""A small gazetteer in GeoNames' tab-separated format, typed by hand for these tests.

Well-known places with rounded public coordinates, and a few invented ones (a hamlet in Iraq
and a hill that share a town's name, a village) so that ranking has something to rank. The
ids are our own, not GeoNames'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    ascii: str
    alternates: str  # comma-separated, as GeoNames writes them
    latitude: str
    longitude: str
    feature_class: str
    feature_code: str
    country: str
    population: str

    def line(self) -> str:
        fields = [
            str(self.id),
            self.name,
            self.ascii,
            self.alternates,
            self.latitude,
            self.longitude,
            self.feature_class,
            self.feature_code,
            self.country,
            "",  # cc2
            "01",  # admin1
            "",
            "",
            "",
            self.population,
            "",  # elevation
            "210",  # dem
            "Asia/Damascus",
            "2024-01-01",
        ]
        return "\t".join(fields)


DEIR_EZ_ZOR = Row(
    9001,
    "Deir ez-Zor",
    "Deir ez-Zor",
    "Dayr az Zawr,Deir ez Zor,Deir-ez-Zor,دير الزور,دیر الزور",
    "35.336",
    "40.141",
    "P",
    "PPLA",
    "SY",
    "240000",
)
DEIR_EZ_ZOR_GOVERNORATE = Row(
    9002,
    "Deir ez-Zor Governorate",
    "Deir ez-Zor Governorate",
    "Dayr az Zawr,محافظة دير الزور,دير الزور",
    "35.0",
    "40.5",
    "A",
    "ADM1",
    "SY",
    "1000000",
)
MAYADIN = Row(
    9003,
    "Al Mayadin",
    "Al Mayadin",
    "Mayadin,Al-Mayadeen,الميادين,المَيَادين",
    "35.020",
    "40.451",
    "P",
    "PPLA2",
    "SY",
    "44000",
)
MAYADIN_HAMLET = Row(
    9004, "Al Mayadin", "Al Mayadin", "الميادين", "33.9", "42.1", "P", "PPL", "IQ", "0"
)
MAYADIN_HILL = Row(
    9005,
    "Tall al Mayadin",
    "Tall al Mayadin",
    "تل الميادين,الميادين",
    "35.03",
    "40.44",
    "T",
    "HLL",
    "SY",
    "",
)
ALEPPO = Row(
    9006,
    "Aleppo",
    "Aleppo",
    "Halab,Ḩalab,حلب,Алеппо",
    "36.202",
    "37.134",
    "P",
    "PPLA",
    "SY",
    "1600000",
)
DAMASCUS = Row(
    9007,
    "Damascus",
    "Damascus",
    "Dimashq,دمشق,الشام",
    "33.513",
    "36.292",
    "P",
    "PPLC",
    "SY",
    "2500000",
)
DEIR_HAFER = Row(
    9008,
    "Dayr Hafir",
    "Dayr Hafir",
    "Deir Hafer,دير حافر",
    "36.157",
    "37.708",
    "P",
    "PPL",
    "SY",
    "20000",
)
AL_QAIM = Row(
    9009, "Al Qa'im", "Al Qa'im", "Al Qaim,القائم", "34.369", "41.095", "P", "PPL", "IQ", "150000"
)
RUMMANAH = Row(
    9010,
    "Ar Rummanah",
    "Ar Rummanah",
    "الرمانة,الرمّانة",
    "35.10",
    "40.30",
    "P",
    "PPL",
    "SY",
    "3000",
)
THARDA = Row(
    9011,
    "Jabal ath Thardah",
    "Jabal ath Thardah",
    "جبل الثردة,الثردات",
    "35.27",
    "40.17",
    "T",
    "MT",
    "SY",
    "",
)

PLACES = (
    DEIR_EZ_ZOR,
    DEIR_EZ_ZOR_GOVERNORATE,
    MAYADIN,
    MAYADIN_HAMLET,
    MAYADIN_HILL,
    ALEPPO,
    DAMASCUS,
    DEIR_HAFER,
    AL_QAIM,
    RUMMANAH,
    THARDA,
)


def write_gazetteer(path: Path, rows=PLACES, extra: tuple[str, ...] = ()) -> Path:
    """A GeoNames file of ``rows`` (then ``extra`` lines as they are), LF line ends."""
    path.write_text(
        "".join(line + "\n" for line in [r.line() for r in rows] + list(extra)), "utf-8"
    )
    return path
