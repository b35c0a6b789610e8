"""Labelled sentence pairs for report merging, written by hand before tuning: rewrites of
one wire report by two outlets (same event, other words) and hard different reports
(same place, actors or template, another event). Shapes follow real wire copy; the
sentences are made up. Tests and the engine's own checks read these."""

SAME = [
    (
        "Russian missiles struck an apartment block in Dnipro overnight, killing at least nine "
        "people, regional governor Serhiy Lysak said on Saturday.",
        "At least nine people were killed when a Russian missile hit a residential building in "
        "the city of Dnipro overnight, governor Serhiy Lysak said Saturday.",
    ),
    (
        "Israeli strikes on Gaza killed at least 40 Palestinians on Thursday, "
        "health officials said.",
        "At least 40 Palestinians died in Israeli air strikes across the Gaza Strip on Thursday, "
        "according to local health authorities.",
    ),
    (
        "The RSF said on Sunday it had seized control of El Fasher's main army base after weeks "
        "of fighting.",
        "Sudan's paramilitary Rapid Support Forces claimed Sunday to have captured the army's "
        "main base in El Fasher following weeks of clashes.",
    ),
    (
        "Ukraine's air force said it shot down 42 of 61 drones launched by Russia overnight.",
        "Russia launched 61 drones at Ukraine overnight, 42 of which were downed by air "
        "defences, the Ukrainian air force said.",
    ),
    (
        "Hezbollah fired around 30 rockets into northern Israel on Monday, the "
        "Israeli military said.",
        "About 30 rockets were launched from Lebanon by Hezbollah toward northern Israel on "
        "Monday, according to the Israeli army.",
    ),
    (
        "Syria's interim president Ahmed al-Sharaa met Saudi Crown Prince Mohammed bin Salman in "
        "Riyadh on Sunday, his first foreign trip since taking office.",
        "Ahmed al-Sharaa, Syria's interim leader, held talks with Saudi Arabia's Crown Prince "
        "Mohammed bin Salman in Riyadh on Sunday in his first trip abroad as president.",
    ),
    (
        "Zelenskiy said 12 people, including three children, were wounded in "
        "the attack on Kharkiv.",
        "Twelve people were injured, three of them children, in the strike on Kharkiv, "
        "President Volodymyr Zelenskiy said.",
    ),
    (
        "The World Food Programme said it had suspended deliveries to the Zamzam camp after its "
        "trucks came under fire.",
        "WFP has halted aid deliveries to Zamzam displacement camp after its convoy was attacked, "
        "the UN agency said.",
    ),
    (
        "Israel and Hamas agreed on Wednesday to a ceasefire that will take effect on Sunday, "
        "mediator Qatar said.",
        "Qatar, a mediator, announced on Wednesday that Israel and Hamas had agreed to a truce "
        "starting Sunday.",
    ),
    (
        "Turkish-backed fighters of the Syrian National Army captured the town of Manbij from "
        "Kurdish-led forces on Monday, a war monitor said.",
        "The Syrian National Army, backed by Turkey, seized Manbij from the Kurdish-led SDF on "
        "Monday, according to the Syrian Observatory for Human Rights.",
    ),
    (
        "More than 2,000 people have been killed in Sudan's North Darfur state "
        "since May, the UN said.",
        "The United Nations said on Friday that over 2,000 people had died in "
        "North Darfur since May.",
    ),
    (
        "Putin and Trump spoke by phone for more than two hours on Monday, the Kremlin said.",
        "The Kremlin said Vladimir Putin held a phone call lasting over two hours with Donald "
        "Trump on Monday.",
    ),
    (
        "The war has killed tens of thousands of people and displaced more than 12 million.",
        "The war, which erupted in April 2023, has killed tens of thousands of people and "
        "displaced more than 12 million, according to United Nations figures.",
    ),
    (
        "Drones struck the main fuel depot in Port Sudan on Tuesday for a third consecutive day, "
        "the Sudanese army said, blaming the paramilitary Rapid Support Forces.",
        "The Sudanese army on Tuesday accused the Rapid Support Forces of a third straight day "
        "of drone strikes on Port Sudan, saying the attack targeted the city's main fuel depot.",
    ),
    (
        "On Sunday, drones hit the city's international airport and an adjacent air base, the "
        "first attack on Port Sudan since the war began.",
        "The international airport and a military air base were targeted on Sunday, in the "
        "first strike on the city since fighting erupted in April 2023.",
    ),
    (
        "Iran's foreign minister Abbas Araqchi arrived in Damascus on Sunday to meet Assad.",
        "Iranian Foreign Minister Abbas Araqchi landed in Damascus on Sunday for talks with "
        "President Bashar al-Assad.",
    ),
]

DIFFERENT = [
    (
        "Russian missiles struck an apartment block in Dnipro overnight, killing at least nine "
        "people, regional governor Serhiy Lysak said on Saturday.",
        "Russian missiles struck Kharkiv overnight, wounding 12 people, governor Oleh "
        "Syniehubov said on Saturday.",
    ),
    (
        "Israeli strikes on Gaza killed at least 40 Palestinians on Thursday, "
        "health officials said.",
        "Israeli strikes on Gaza killed at least 25 Palestinians on Friday, health officials said.",
    ),
    (
        "The RSF said on Sunday it had seized control of El Fasher's main army base after weeks "
        "of fighting.",
        "The army said on Sunday it had repelled an RSF attack on El Fasher's main army base.",
    ),
    (
        "Ukraine's air force said it shot down 42 of 61 drones launched by Russia overnight.",
        "Ukraine's air force said it shot down 35 of 50 drones launched by Russia overnight.",
    ),
    (
        "Hezbollah fired around 30 rockets into northern Israel on Monday, the "
        "Israeli military said.",
        "Israel struck Hezbollah targets in southern Lebanon on Monday, the Israeli military said.",
    ),
    (
        "Syria's interim president Ahmed al-Sharaa met Saudi Crown Prince Mohammed bin Salman in "
        "Riyadh on Sunday, his first foreign trip since taking office.",
        "Ahmed al-Sharaa met Turkish President Tayyip Erdogan in Ankara on Tuesday.",
    ),
    (
        "Israel and Hamas agreed on Wednesday to a ceasefire that will take effect on Sunday, "
        "mediator Qatar said.",
        "Israel and Hamas accused each other on Sunday of violating the ceasefire.",
    ),
    (
        "Turkish-backed fighters of the Syrian National Army captured the town of Manbij from "
        "Kurdish-led forces on Monday, a war monitor said.",
        "Kurdish-led forces said on Tuesday they had repelled an attack by Turkish-backed "
        "fighters near Manbij.",
    ),
    (
        "Putin and Trump spoke by phone for more than two hours on Monday, the Kremlin said.",
        "Zelenskiy and Trump spoke by phone on Wednesday, Kyiv said.",
    ),
    (
        "Drones struck the main fuel depot in Port Sudan on Tuesday for a third consecutive day, "
        "the Sudanese army said, blaming the paramilitary Rapid Support Forces.",
        "On Sunday, drones hit the city's international airport and an adjacent air base, the "
        "first attack on Port Sudan since the war began.",
    ),
    (
        "The RSF did not respond to a request for comment.",
        "The paramilitaries have not claimed the attacks.",
    ),
    (
        "Firefighters battled the blaze through the night, residents said.",
        "Petrol prices doubled in the city's markets on Wednesday, traders said.",
    ),
    (
        "The Syrian Observatory for Human Rights, a UK-based monitoring group, said thousands of "
        "people had begun fleeing from Homs on Thursday night towards the Mediterranean coastal "
        "regions of Latakia and Tartus, strongholds of the government.",
        "A coastal resident said thousands of people had begun arriving there from Homs, fearing "
        "the rebels' rapid advance.",
    ),
    (
        "Sudan cut diplomatic ties with the United Arab Emirates on Tuesday, accusing it of "
        "supplying the RSF with the drones used in the attacks on Port Sudan.",
        "The UAE rejected the accusation on Wednesday, calling the decision a publicity stunt.",
    ),
    (
        "Iran's foreign minister Abbas Araqchi arrived in Damascus on Sunday to meet Assad.",
        "Iran's foreign minister Abbas Araqchi arrived in Ankara on Monday to meet Erdogan.",
    ),
]
