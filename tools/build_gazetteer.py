"""Build resources/gazetteer/countries.tsv and regions.tsv from pycountry plus a hand overlay.

pycountry (ISO 3166 data from Debian's iso-codes, LGPL-2.1) is a build-time tool only: the
program reads the generated files and never imports it. Run from the repository root:

    .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "resources" / "gazetteer"

# alpha_2 | common English name | extra aliases | demonyms (adjective, plural nouns) | capital(s)
# The overlay carries what ISO names lack: the names newsrooms write, demonyms, capitals
# (capitals matter because reporters use them as metonyms: "Moscow said").
OVERLAY = """
US|United States|U.S.,US,USA,U.S.A.,America,United States of America,the United States|American,Americans|Washington
GB|United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
RU|Russia|Russian Federation|Russian,Russians|Moscow
DE|Germany|Federal Republic of Germany|German,Germans|Berlin
FR|France|French Republic|French|Paris,Elysee,Élysée
IT|Italy||Italian,Italians|Rome
ES|Spain||Spanish,Spaniards|Madrid
PT|Portugal||Portuguese|Lisbon
NL|Netherlands|The Netherlands,Holland|Dutch|Amsterdam,The Hague
BE|Belgium||Belgian,Belgians|Brussels
LU|Luxembourg||Luxembourgish,Luxembourger|
DK|Denmark||Danish,Danes|Copenhagen
NO|Norway||Norwegian,Norwegians|Oslo
SE|Sweden||Swedish,Swedes|Stockholm
FI|Finland||Finnish,Finns|Helsinki
IS|Iceland||Icelandic|Reykjavik
IE|Ireland|Republic of Ireland|Irish|Dublin
PL|Poland||Polish,Poles|Warsaw
CZ|Czech Republic|Czechia|Czech,Czechs|Prague
SK|Slovakia||Slovak,Slovaks|Bratislava
HU|Hungary||Hungarian,Hungarians|Budapest
AT|Austria||Austrian,Austrians|Vienna
CH|Switzerland||Swiss|Bern
SI|Slovenia||Slovenian,Slovene,Slovenians|Ljubljana
HR|Croatia||Croatian,Croats|Zagreb
RS|Serbia||Serbian,Serbs|Belgrade
BA|Bosnia and Herzegovina|Bosnia,BiH,Bosnia-Herzegovina|Bosnian,Bosnians|Sarajevo
ME|Montenegro||Montenegrin|Podgorica
MK|North Macedonia|Macedonia|Macedonian|Skopje
AL|Albania||Albanian,Albanians|Tirana
XK|Kosovo||Kosovar,Kosovars|Pristina
GR|Greece||Greek,Greeks|Athens
CY|Cyprus||Cypriot|Nicosia
TR|Turkey|Türkiye,Turkiye|Turkish,Turks|Ankara
BG|Bulgaria||Bulgarian,Bulgarians|Sofia
RO|Romania||Romanian,Romanians|Bucharest
MD|Moldova|Republic of Moldova|Moldovan|Chisinau
UA|Ukraine||Ukrainian,Ukrainians|Kyiv,Kiev
BY|Belarus||Belarusian,Belarusians|Minsk
LT|Lithuania||Lithuanian,Lithuanians|Vilnius
LV|Latvia||Latvian,Latvians|Riga
EE|Estonia||Estonian,Estonians|Tallinn
GE|Georgia||Georgian,Georgians|Tbilisi
AM|Armenia||Armenian,Armenians|Yerevan
AZ|Azerbaijan||Azerbaijani,Azeri|Baku
KZ|Kazakhstan||Kazakh|Astana
UZ|Uzbekistan||Uzbek|Tashkent
TM|Turkmenistan||Turkmen|Ashgabat
KG|Kyrgyzstan||Kyrgyz|Bishkek
TJ|Tajikistan||Tajik|Dushanbe
CN|China|People's Republic of China,PRC|Chinese|Beijing
TW|Taiwan||Taiwanese|Taipei
JP|Japan||Japanese|Tokyo
KR|South Korea|Republic of Korea,S. Korea|South Korean,South Koreans|Seoul
KP|North Korea|DPRK,N. Korea|North Korean,North Koreans|Pyongyang
MN|Mongolia||Mongolian|Ulaanbaatar
IN|India||Indian,Indians|New Delhi
PK|Pakistan||Pakistani,Pakistanis|Islamabad
AF|Afghanistan||Afghan,Afghans|Kabul
BD|Bangladesh||Bangladeshi|Dhaka
LK|Sri Lanka||Sri Lankan|Colombo
NP|Nepal||Nepalese,Nepali|Kathmandu
MM|Myanmar|Burma|Burmese|Naypyitaw
TH|Thailand||Thai|Bangkok
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
KH|Cambodia||Cambodian|Phnom Penh
LA|Laos||Lao,Laotian|Vientiane
MY|Malaysia||Malaysian|Kuala Lumpur
SG|Singapore||Singaporean|
ID|Indonesia||Indonesian,Indonesians|Jakarta
PH|Philippines|the Philippines|Filipino,Filipinos,Philippine|Manila
BN|Brunei|Brunei Darussalam|Bruneian|
TL|Timor Leste|East Timor,Timor-Leste|Timorese|Dili
AU|Australia||Australian,Australians|Canberra
NZ|New Zealand||New Zealander|Wellington
PG|Papua New Guinea|PNG|Papua New Guinean|Port Moresby
FJ|Fiji||Fijian|Suva
CA|Canada||Canadian,Canadians|Ottawa
MX|Mexico||Mexican,Mexicans|Mexico City
BR|Brazil||Brazilian,Brazilians|Brasilia
AR|Argentina||Argentine,Argentinian|Buenos Aires
CL|Chile||Chilean|Santiago
CO|Colombia||Colombian,Colombians|Bogota
PE|Peru||Peruvian|Lima
VE|Venezuela||Venezuelan,Venezuelans|Caracas
EC|Ecuador||Ecuadorian|Quito
BO|Bolivia||Bolivian|La Paz
PY|Paraguay||Paraguayan|Asuncion
UY|Uruguay||Uruguayan|Montevideo
CU|Cuba||Cuban,Cubans|Havana
HT|Haiti||Haitian,Haitians|Port-au-Prince
DO|Dominican Republic||Dominican|Santo Domingo
JM|Jamaica||Jamaican|Kingston
BS|Bahamas|The Bahamas|Bahamian|Nassau
BZ|Belize||Belizean|Belmopan
GT|Guatemala||Guatemalan|Guatemala City
HN|Honduras||Honduran|Tegucigalpa
SV|El Salvador||Salvadoran|San Salvador
NI|Nicaragua||Nicaraguan|Managua
PA|Panama||Panamanian|Panama City
CR|Costa Rica||Costa Rican|San Jose
TT|Trinidad and Tobago||Trinidadian|Port of Spain
GY|Guyana||Guyanese|Georgetown
IL|Israel||Israeli,Israelis|Jerusalem,Tel Aviv
PS|Palestine|Palestinian Territories|Palestinian,Palestinians|Ramallah
LB|Lebanon||Lebanese|Beirut
SY|Syria|Syrian Arab Republic|Syrian,Syrians|Damascus
JO|Jordan||Jordanian|Amman
IQ|Iraq||Iraqi,Iraqis|Baghdad
IR|Iran|Islamic Republic of Iran|Iranian,Iranians|Tehran
SA|Saudi Arabia|Kingdom of Saudi Arabia|Saudi,Saudis|Riyadh
YE|Yemen||Yemeni,Yemenis|Sanaa
OM|Oman||Omani|Muscat
AE|United Arab Emirates|UAE,U.A.E.,Emirates|Emirati|Abu Dhabi
QA|Qatar||Qatari|Doha
BH|Bahrain||Bahraini|Manama
KW|Kuwait||Kuwaiti|Kuwait City
EG|Egypt||Egyptian,Egyptians|Cairo
LY|Libya||Libyan,Libyans|Tripoli
TN|Tunisia||Tunisian|Tunis
DZ|Algeria||Algerian,Algerians|Algiers
MA|Morocco||Moroccan|Rabat
SD|Sudan||Sudanese|Khartoum
SS|South Sudan||South Sudanese|Juba
ET|Ethiopia||Ethiopian,Ethiopians|Addis Ababa
ER|Eritrea||Eritrean|Asmara
DJ|Djibouti||Djiboutian|
SO|Somalia||Somali,Somalis|Mogadishu
KE|Kenya||Kenyan,Kenyans|Nairobi
UG|Uganda||Ugandan,Ugandans|Kampala
TZ|Tanzania||Tanzanian|Dodoma,Dar es Salaam
RW|Rwanda||Rwandan,Rwandans|Kigali
BI|Burundi||Burundian|Gitega
CD|Democratic Republic of the Congo|DR Congo,DRC,Congo-Kinshasa,Democratic Republic of Congo,D.R. Congo,DR of Congo,D.R.C.|Congolese|Kinshasa
CG|Republic of the Congo|Congo-Brazzaville,Congo|Congolese|Brazzaville
CF|Central African Republic|CAR|Central African|Bangui
CM|Cameroon||Cameroonian|Yaounde
TD|Chad||Chadian,Chadians|N'Djamena,N’Djamena
NE|Niger||Nigerien,Nigeriens|Niamey
NG|Nigeria||Nigerian,Nigerians|Abuja
ML|Mali||Malian,Malians|Bamako
BF|Burkina Faso||Burkinabe|Ouagadougou
MR|Mauritania||Mauritanian|Nouakchott
SN|Senegal||Senegalese|Dakar
GM|Gambia|The Gambia|Gambian|Banjul
GN|Guinea||Guinean|Conakry
GW|Guinea-Bissau||Bissau-Guinean|Bissau
SL|Sierra Leone||Sierra Leonean|Freetown
LR|Liberia||Liberian|Monrovia
CI|Ivory Coast|Cote d'Ivoire,Côte d'Ivoire|Ivorian|Abidjan,Yamoussoukro
GH|Ghana||Ghanaian|Accra
TG|Togo||Togolese|Lome
BJ|Benin||Beninese|Porto-Novo,Cotonou
GA|Gabon||Gabonese|Libreville
GQ|Equatorial Guinea||Equatoguinean|Malabo
AO|Angola||Angolan|Luanda
ZM|Zambia||Zambian|Lusaka
ZW|Zimbabwe||Zimbabwean|Harare
MZ|Mozambique||Mozambican|Maputo
MW|Malawi||Malawian|Lilongwe
NA|Namibia||Namibian|Windhoek
BW|Botswana||Botswanan|Gaborone
ZA|South Africa||South African,South Africans|Pretoria
MG|Madagascar||Malagasy|Antananarivo
"""


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def build_countries() -> list[str]:
    overlay = {}
    for line in OVERLAY.strip().splitlines():
        code, name, aliases, demonyms, capitals = line.split("|")
        overlay[code] = (name, aliases, demonyms, capitals)
    rows = ["# canonical\taliases\tdemonyms\tcapitals  (generated by tools/build_gazetteer.py)"]
    # Kosovo has no ISO 3166 code yet; the overlay alone carries it.
    for code in sorted(set(overlay) - {c.alpha_2 for c in pycountry.countries}):
        name, aliases, demonyms, capitals = overlay[code]
        rows.append("\t".join([name, aliases, demonyms, capitals]))
    for country in pycountry.countries:
        code = country.alpha_2
        iso_names = {country.name, getattr(country, "common_name", country.name)}
        if code in overlay:
            name, aliases, demonyms, capitals = overlay[code]
        else:
            name = getattr(country, "common_name", None) or country.name
            if "," in name:  # "Bolivia, Plurinational State of": the part before the comma
                name = name.split(",")[0]
            aliases = demonyms = capitals = ""
        alias_set = {a for a in aliases.split(",") if a}
        alias_set |= {n for n in iso_names if "," not in n and n != name}
        alias_set |= {_ascii(a) for a in alias_set | {name}} - {name}
        rows.append("\t".join([name, ",".join(sorted(alias_set)), demonyms, capitals]))
    return rows


# Subdivisions worth recognising as places: the states and regions newsrooms name.
REGION_COUNTRIES = ("US", "CA", "AU", "IN", "CN", "UA", "MX", "BR", "JP", "PK", "AF", "IQ", "SY")
REGION_TYPES = {
    "State",
    "Province",
    "Territory",
    "Union territory",
    "Country",
    "Region",
    "Oblast",
    "Autonomous region",
    "Autonomous republic",
    "Governorate",
    "Republic",
    "District",
    "Prefecture",
    "Outlying area",
    "Special administrative region",
}


def build_regions() -> list[str]:
    rows = ["# name\tcountry  (generated by tools/build_gazetteer.py from ISO 3166-2)"]
    seen = set()
    for code in REGION_COUNTRIES + ("GB",):
        country = pycountry.countries.get(alpha_2=code)
        country_name = getattr(country, "common_name", None) or country.name
        if code == "GB":
            country_name = "United Kingdom"
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            if code == "GB" and sub.type != "Country":
                continue
            if sub.type not in REGION_TYPES:
                continue
            name = sub.name.split(" [")[0].split(" (")[0]
            for variant in {name, _ascii(name)}:
                if variant not in seen and len(variant) > 3:
                    seen.add(variant)
                    rows.append(f"{variant}\t{country_name}")
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "countries.tsv").write_text("\n".join(build_countries()) + "\n", encoding="utf-8")
    (OUT / "regions.tsv").write_text("\n".join(build_regions()) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'countries.tsv'} and {OUT / 'regions.tsv'}")


if __name__ == "__main__":
    main()
