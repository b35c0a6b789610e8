"""Countries as news English names them: the 193 UN members, observers and a few others.

Each row: display name | other names | demonyms | capital cities. Names and demonyms always
name the state; a capital names it only when the capital acts or speaks ("Washington
said"), since most mentions of a capital are just a place ("talks in Doha").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Country:
    id: str  # slug of the display name: "united-states"
    name: str
    names: tuple[str, ...]  # display name first, then variants and demonyms
    capitals: tuple[str, ...]
    lands: tuple[str, ...] = ()  # the land's names: `names` but the demonyms


_TABLE = """
Afghanistan | | Afghan; Afghans | Kabul
Albania | | Albanian; Albanians | Tirana
Algeria | | Algerian; Algerians | Algiers
Andorra | | Andorran |
Angola | | Angolan; Angolans | Luanda
Antigua and Barbuda | | Antiguan |
Argentina | | Argentine; Argentinian; Argentines | Buenos Aires
Armenia | | Armenian; Armenians | Yerevan
Australia | | Australian; Australians | Canberra
Austria | | Austrian; Austrians | Vienna
Azerbaijan | | Azerbaijani; Azeri; Azerbaijanis | Baku
Bahamas | The Bahamas | Bahamian |
Bahrain | | Bahraini; Bahrainis | Manama
Bangladesh | | Bangladeshi; Bangladeshis | Dhaka
Barbados | | Barbadian |
Belarus | | Belarusian; Belarusians | Minsk
Belgium | | Belgian; Belgians | Brussels
Belize | | Belizean |
Benin | | Beninese | Porto-Novo
Bhutan | | Bhutanese | Thimphu
Bolivia | | Bolivian; Bolivians | La Paz
Bosnia and Herzegovina | Bosnia | Bosnian; Bosnians | Sarajevo
Botswana | | Botswanan; Motswana | Gaborone
Brazil | | Brazilian; Brazilians | Brasilia
Brunei | | Bruneian |
Bulgaria | | Bulgarian; Bulgarians |
Burkina Faso | | Burkinabe | Ouagadougou
Burundi | | Burundian; Burundians | Gitega
Cabo Verde | Cape Verde | Cape Verdean |
Cambodia | | Cambodian; Cambodians | Phnom Penh
Cameroon | | Cameroonian; Cameroonians | Yaounde
Canada | | Canadian; Canadians | Ottawa
Central African Republic | CAR | Central African |
Chad | | Chadian; Chadians | N'Djamena
Chile | | Chilean; Chileans | Santiago
China | People's Republic of China; PRC | Chinese | Beijing
Colombia | | Colombian; Colombians | Bogota
Comoros | | Comorian |
Congo | Republic of the Congo; Congo-Brazzaville | | Brazzaville
Costa Rica | | Costa Rican |
Cote d'Ivoire | Côte d'Ivoire; Ivory Coast | Ivorian; Ivorians | Yamoussoukro
Croatia | | Croatian; Croats | Zagreb
Cuba | | Cuban; Cubans | Havana
Cyprus | | Cypriot; Cypriots | Nicosia
Czech Republic | Czechia | Czech; Czechs | Prague
Democratic Republic of the Congo | DR Congo; DRC; Congo-Kinshasa | Congolese | Kinshasa
Denmark | | Danish; Danes | Copenhagen
Djibouti | | Djiboutian |
Dominica | | |
Dominican Republic | | Dominican; Dominicans | Santo Domingo
Ecuador | | Ecuadorian; Ecuadorians | Quito
Egypt | | Egyptian; Egyptians | Cairo
El Salvador | | Salvadoran; Salvadorans | San Salvador
Equatorial Guinea | | Equatoguinean | Malabo
Eritrea | | Eritrean; Eritreans | Asmara
Estonia | | Estonian; Estonians | Tallinn
Eswatini | Swaziland | Swazi |
Ethiopia | | Ethiopian; Ethiopians | Addis Ababa
Fiji | | Fijian |
Finland | | Finnish; Finns | Helsinki
France | | French | Paris
Gabon | | Gabonese | Libreville
Gambia | The Gambia | Gambian |
Georgia | | Georgian; Georgians | Tbilisi
Germany | | German; Germans | Berlin
Ghana | | Ghanaian; Ghanaians | Accra
Greece | | Greek; Greeks | Athens
Grenada | | Grenadian |
Guatemala | | Guatemalan; Guatemalans | Guatemala City
Guinea | | Guinean; Guineans | Conakry
Guinea-Bissau | | Bissau-Guinean | Bissau
Guyana | | Guyanese | Georgetown
Haiti | | Haitian; Haitians | Port-au-Prince
Honduras | | Honduran; Hondurans | Tegucigalpa
Hungary | | Hungarian; Hungarians | Budapest
Iceland | | Icelandic; Icelanders | Reykjavik
India | | Indian; Indians | New Delhi
Indonesia | | Indonesian; Indonesians | Jakarta
Iran | Islamic Republic of Iran | Iranian; Iranians | Tehran
Iraq | | Iraqi; Iraqis | Baghdad
Ireland | | Irish | Dublin
Israel | | Israeli; Israelis |
Italy | | Italian; Italians | Rome
Jamaica | | Jamaican; Jamaicans | Kingston
Japan | | Japanese | Tokyo
Jordan | | Jordanian; Jordanians | Amman
Kazakhstan | | Kazakh; Kazakhs | Astana
Kenya | | Kenyan; Kenyans | Nairobi
Kiribati | | I-Kiribati |
Kuwait | | Kuwaiti; Kuwaitis | Kuwait City
Kyrgyzstan | | Kyrgyz | Bishkek
Laos | Lao PDR | Laotian; Lao | Vientiane
Latvia | | Latvian; Latvians | Riga
Lebanon | | Lebanese | Beirut
Lesotho | | Basotho | Maseru
Liberia | | Liberian; Liberians | Monrovia
Libya | | Libyan; Libyans | Tripoli
Liechtenstein | | |
Lithuania | | Lithuanian; Lithuanians | Vilnius
Luxembourg | | Luxembourgish |
Madagascar | | Malagasy | Antananarivo
Malawi | | Malawian; Malawians | Lilongwe
Malaysia | | Malaysian; Malaysians | Kuala Lumpur
Maldives | | Maldivian |
Mali | | Malian; Malians | Bamako
Malta | | Maltese | Valletta
Marshall Islands | | Marshallese |
Mauritania | | Mauritanian; Mauritanians | Nouakchott
Mauritius | | Mauritian |
Mexico | | Mexican; Mexicans | Mexico City
Micronesia | | Micronesian |
Moldova | | Moldovan; Moldovans | Chisinau
Monaco | | Monegasque |
Mongolia | | Mongolian; Mongolians | Ulaanbaatar
Montenegro | | Montenegrin | Podgorica
Morocco | | Moroccan; Moroccans | Rabat
Mozambique | | Mozambican; Mozambicans | Maputo
Myanmar | Burma | Burmese | Naypyitaw; Naypyidaw
Namibia | | Namibian; Namibians | Windhoek
Nauru | | Nauruan |
Nepal | | Nepali; Nepalese | Kathmandu
Netherlands | Holland | Dutch | Amsterdam; The Hague
New Zealand | | New Zealander; New Zealanders | Wellington
Nicaragua | | Nicaraguan; Nicaraguans | Managua
Niger | | Nigerien; Nigeriens | Niamey
Nigeria | | Nigerian; Nigerians | Abuja
North Korea | DPRK; Democratic People's Republic of Korea | North Korean; North Koreans | Pyongyang
North Macedonia | Macedonia | Macedonian; Macedonians | Skopje
Norway | | Norwegian; Norwegians | Oslo
Oman | | Omani; Omanis | Muscat
Pakistan | | Pakistani; Pakistanis | Islamabad
Palau | | Palauan |
Palestine | Palestinian Authority; Palestinian territories | Palestinian; Palestinians | Ramallah
Panama | | Panamanian; Panamanians | Panama City
Papua New Guinea | | Papua New Guinean | Port Moresby
Paraguay | | Paraguayan; Paraguayans | Asuncion
Peru | | Peruvian; Peruvians | Lima
Philippines | | Filipino; Filipinos; Philippine | Manila
Poland | | Polish; Poles | Warsaw
Portugal | | Portuguese | Lisbon
Qatar | | Qatari; Qataris | Doha
Romania | | Romanian; Romanians | Bucharest
Russia | Russian Federation | Russian; Russians | Moscow
Rwanda | | Rwandan; Rwandans | Kigali
Saint Kitts and Nevis | St Kitts and Nevis | Kittitian |
Saint Lucia | St Lucia | Saint Lucian |
Saint Vincent and the Grenadines | St Vincent and the Grenadines | Vincentian |
Samoa | | Samoan |
San Marino | | Sammarinese |
Sao Tome and Principe | São Tomé and Príncipe | Santomean |
Saudi Arabia | Saudi; Kingdom of Saudi Arabia | Saudis | Riyadh
Senegal | | Senegalese | Dakar
Serbia | | Serbian; Serbs | Belgrade
Seychelles | | Seychellois |
Sierra Leone | | Sierra Leonean | Freetown
Singapore | | Singaporean; Singaporeans |
Slovakia | | Slovak; Slovaks | Bratislava
Slovenia | | Slovenian; Slovenians; Slovene | Ljubljana
Solomon Islands | | Solomon Islander |
Somalia | | Somali; Somalis | Mogadishu
South Africa | | South African; South Africans | Pretoria
South Korea | Republic of Korea; ROK; Korea | South Korean; South Koreans | Seoul
South Sudan | | South Sudanese | Juba
Spain | | Spanish; Spaniards | Madrid
Sri Lanka | | Sri Lankan; Sri Lankans | Colombo
Sudan | | Sudanese | Khartoum
Suriname | | Surinamese | Paramaribo
Sweden | | Swedish; Swedes | Stockholm
Switzerland | | Swiss | Bern
Syria | Syrian Arab Republic | Syrian; Syrians | Damascus
Taiwan | Republic of China | Taiwanese | Taipei
Tajikistan | | Tajik; Tajiks | Dushanbe
Tanzania | | Tanzanian; Tanzanians | Dodoma
Thailand | | Thai | Bangkok
Timor-Leste | East Timor | Timorese | Dili
Togo | | Togolese | Lome
Tonga | | Tongan |
Trinidad and Tobago | | Trinidadian |
Tunisia | | Tunisian; Tunisians | Tunis
Turkiye | Türkiye; Turkey | Turkish; Turks | Ankara
Turkmenistan | | Turkmen | Ashgabat
Tuvalu | | Tuvaluan |
Uganda | | Ugandan; Ugandans | Kampala
Ukraine | | Ukrainian; Ukrainians | Kyiv; Kiev
United Arab Emirates | UAE; U.A.E.; Emirates | Emirati; Emiratis | Abu Dhabi
United Kingdom | UK; U.K.; Britain; Great Britain | British; Briton; Britons | London
United States | US; U.S.; USA; U.S.A.; United States of America; America | American; Americans\
 | Washington
Uruguay | | Uruguayan; Uruguayans | Montevideo
Uzbekistan | | Uzbek; Uzbeks | Tashkent
Vanuatu | | Ni-Vanuatu |
Vatican | Holy See; Vatican City | |
Venezuela | | Venezuelan; Venezuelans | Caracas
Vietnam | Viet Nam | Vietnamese | Hanoi
Yemen | | Yemeni; Yemenis | Sanaa
Zambia | | Zambian; Zambians | Lusaka
Zimbabwe | | Zimbabwean; Zimbabweans | Harare
Kosovo | | Kosovar; Kosovars | Pristina
"""

# A capital names its state when followed by one of these, or when possessive.
_STATE_VERBS = (
    "said|says|has|have|had|will|would|wants|denied|denies|accused|accuses|announced|rejected|"
    "blamed|claimed|launched|sent|sends|responded|warned|warns|agreed|refused|insisted|urged|"
    "urges|condemned|imposed|demanded|backed|backs|supports|supported"
)


def slug(name: str) -> str:
    """An id from a display name: "United States" -> "united-states". Initials with or
    without their stops are one name: "U.S. Central Command" -> "us-central-command"."""
    return re.sub(r"[^a-z0-9]+", "-", _INITIAL_STOP.sub("", name).lower()).strip("-")


# The stop after a single letter, before another initial or the name's end: "U.S.", "U.N.".
_INITIAL_STOP = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\.|\s|$)")


def _parse(table: str) -> tuple[Country, ...]:
    countries = []
    for row in table.strip().splitlines():
        name, others, demonyms, capitals = (cell.strip() for cell in row.split("|"))

        def cell(text: str) -> list[str]:
            return [part.strip() for part in text.split(";") if part.strip()]

        countries.append(
            Country(
                id=slug(name),
                name=name,
                names=(name, *cell(others), *cell(demonyms)),
                capitals=tuple(cell(capitals)),
                lands=(name, *cell(others)),
            )
        )
    return tuple(countries)


COUNTRIES: tuple[Country, ...] = _parse(_TABLE)


@cache
def country_names() -> frozenset[str]:
    """Every country's names and demonyms, folded ("sudan", "ivory coast", "sudanese")."""
    return frozenset(name.casefold() for country in COUNTRIES for name in country.names)


# After a capital used as the name of its government: a possessive, or a verb of a state.
CAPITAL_END = rf"(?:['’]s(?!\w)|(?=\s+(?:{_STATE_VERBS})\b))"


def capital_regex(capital: str) -> str:
    """Regex source for a capital used as the name of its government (no start boundary)."""
    body = r"\s+".join(re.escape(w) for w in capital.split())
    return rf"{body}{CAPITAL_END}"
