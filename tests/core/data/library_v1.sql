BEGIN TRANSACTION;
CREATE TABLE article_edits (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
);
INSERT INTO "article_edits" VALUES(1,'title','Russia''s western drills','2026-12-04T15:55:41+00:00');
INSERT INTO "article_edits" VALUES(1,'date','2017-07-11','2026-12-04T15:55:41+00:00');
INSERT INTO "article_edits" VALUES(2,'date','2017-02-03','2026-12-04T15:55:41+00:00');
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    dateline TEXT,
    author TEXT,
    path TEXT,
    origin TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    updated_at TEXT,
    extractor_version INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    original_missing INTEGER NOT NULL DEFAULT 0,
    parent_id INTEGER
);
INSERT INTO "articles" VALUES(1,'The Baltic states will formally ask NATO to deploy several thousand troops as a…','VILNIUS — The Baltic states will formally ask NATO to deploy several thousand troops as a deterrent to Russia, Lithuania said Thursday, but the alliance gave no assurance that the request would be accepted.

NATO Secretary General Jens Stoltenberg said at meeting of the alliance''s foreign ministers in the Turkish city of Antalya that he was aware such a request was being made but emphasized it was too early to assess the demand.

"We are seeking a brigade-size unit so that every Baltic nation would have a battalion," military spokesman Lithuanian Captain Mindaugas Neimontas told AFP.

He said Lithuanian, Latvian and Estonian generals would soon send a joint request to US General Philip Breedlove, NATO''s top commander.

Neimontas said the Baltic states were to seek "permanent rotational NATO forces" as a "deterrence measure given the security situation in the region".

He refused to elaborate on specific numbers but a standard brigade could have around 3,000 troops.

Latvia''s defense ministry also confirmed the move in a Thursday statement saying "the joint letter will be sent next week".

The ministry said military commanders from all three Baltic states recently decided to request a "brigade level permanent Allied military presence with a roughly battalion-level placement of units in each country."

"An Allied presence is an essential prerequisite for Latvia''s security in a situation where Russia does not change its policies regarding the Ukraine conflict and at the same time strongly demonstrates its military presence and potential in the Baltic Sea region," the statement said.

In a sign of the continued tensions over Ukraine even after the Minsk truce deal, French President Francois Hollande denounced as "unacceptable" ceasefire violations in eastern Ukraine, after speaking briefly with his Ukrainian counterpart Petro Poroshenko in Germany.

"There is a risk of fresh unrest and we need to warn them of that," he said.

''Assess request carefully''

Stoltenberg said he was aware a letter was going to be sent to NATO by the Baltic states.

"When we receive the letter we will go carefully through the letter and assess the proposals in that letter," he said.

"It is too early to comment on details and specifics in a letter I have not seen," he added.

But Stoltenberg emphasised that NATO had already taken decisions that would help the security of the Baltic states, such as increasing air policing and a naval presence.

"Our main focus is the implementation now of the decisions we have already made," he said.

Baltic and Nordic countries have reported an uptick in Russian military activity in the region over the last year. They claim Russian war planes are flying with their transponders switched off, endangering civil aviation.

Last month, Lithuania also accused Russian warships of thwarting work on a key underwater power link to Sweden that would reduce the Baltic state''s dependence on Russian energy.

Since last year, the United States has deployed around 600 troops in the Baltic states and Poland on a rotational basis.

"If NATO fails to react positively to the request (for the troops), it can be interpreted as a certain signal," said Ramunas Vilpisauskas, director of the Institute of International Relations and Political Science in Vilnius.

"The big neighbor in the east now will now be watching closely how the biggest NATO countries will react to the letter," he told AFP, referring to Russia.

Some European NATO allies have been skeptical about a substantial permanent deployment, saying it could breach a 1997 agreement between NATO and Russia.

NATO diplomats also say the alliance is focusing on a new "spearhead force" which could be rapidly deployed to deal crises both in the south or east, rather than new permanent deployments.

"We are constantly discussing the adaptation of the alliance," said Stoltenberg.

"We have always be able to fulfil our main responsibility which is to defend all our allies against any threat," he added.

He said the spearhead force will "make it easier to reinforce the defenses of the Baltic States."

The Baltic republics were under Soviet rule from the end of World War II to 1991. They now fear Moscow could try to destabilize them to test NATO''s commitment to collective defense.

More In Home',NULL,NULL,NULL,'VILNIUS',NULL,'/tmp/tmpexo0ggxr/old/seeds/000_78e490d38a5d9baf.txt',NULL,'a339a328bdcf41b3c4662068c4aeb2152a8b733876fd95a65470a972c36461c1','2026-12-04T15:55:41+00:00',NULL,4,1,1,0,0,NULL);
INSERT INTO "articles" VALUES(2,'Leaders in the Baltic countries and Poland fear the force NATO plans to deploy on their…','VILNIUS--Leaders in the Baltic countries and Poland fear the force NATO plans to deploy on their territory is too small and symbolic to deter an attack by Russia, whose 2014 annexation of Crimea is fresh in the memories of the former Soviet-bloc states.
They will this week press other ministers of the western military alliance to help them build an air defence system against Russian aircraft and missiles. But that would be a highly sensitive step, likely to be condemned by Moscow as yet more evidence of a NATO strategy threatening its borders.
Asked about the likelihood of Russian aggression in the Baltics, Lithuania''s Defence Minister Juozas Olekas told Reuters: "We cannot exclude it ... They might exercise on the borders and then switch to invasion in hours."
Lithuania, Latvia and Estonia see themselves on the front line in any potential conflict with Moscow and say they are putting their armies on a war footing, meaning they can be mobilised almost immediately.
NATO defence ministers are set to agree this week on a new multinational force of 4,000 troops for the Baltics and Poland. The United States, Germany and Britain are set to lead battalions of about 1,000 troops each. Canada may lead a fourth.
While the Baltic nations welcome the deployments, they say the build-up must go further - pointing to Russia''s efforts to develop an "anti-access" capability in the Kaliningrad exclave bordering Lithuania and Poland, using missiles and submarines to stop NATO moving reinforcements into the Baltics. The Baltics want NATO fighters to protect their skies and are seeking medium-range missile interceptors from Norway''s Kongsberg Gruppen and U.S. defence contractor Raytheon .
"We need to stop possible air aggression," said Olekas. "We are discussing creating a regional medium-range air defence system together with the Latvians, the Estonians and the Poles."
Olekas expects to raise the matter with NATO colleagues at the ministers'' meeting on Tuesday and Wednesday in Brussels.
The head of the Estonian defence force Lieutenant General Riho Terras said: "The first and foremost is the defence of our airspace. Air defence is the challenge that needs to solved together with the NATO alliance."
"We are not talking about defence of Lithuania, we are talking about the credibility of the whole alliance," said Lithuania''s Foreign Minister Linas Linkevicius.
But such calls would require stretched NATO governments to beef up the so-called air policing mission that regularly intercepts Russian jets flying over international waters close to the Baltic states. The Baltic nations rely on their NATO allies'' quick reaction aircraft to patrol their skies, with no mandate to confront hostile aircraft in a conflict.
Four British Eurofighter Typhoon fighter jets and four Portuguese F-16 fighter jets are currently carrying out the air policing mission. Officials say a lot more would be needed for air defence. And southern NATO nations, focused on uncontrolled migrant flows and the failing states on Europe''s borders, may also be unwilling to grant more resources to the eastern flank.
Ben Hodges, the commander of the U.S. army in Europe, visited Vilnius last week. He echoed Baltic concerns about the strength of NATO''s deterrence. "It is a transition," Hodges said. "I hope that includes serious war fighting capabilities. Just putting garrisons of troops sitting in the countries ... will not deter."
Russia insists it poses no threat to the former Soviet states. Top NATO officials say talk of an impending attack is misleading, a view shared by Paris and Berlin.
Russia has held unannounced exercises on the borders of the Baltics, including one in 2014 which mustered 100,000 troops, according to Danish Colonel Jakob Sogard Larsen, who heads the new NATO command outpost in Lithuania. "You see it differently when you live here," Larsen said.',NULL,NULL,NULL,'VILNIUS',NULL,'/tmp/tmpexo0ggxr/old/seeds/001_93b4ffd4163a6660.txt',NULL,'b88dc7ad2f6fd62e578f7d070d4450ddc9e9060d831d4141249c09370bfcb0e7','2026-12-04T15:55:41+00:00',NULL,4,1,0,0,0,NULL);
INSERT INTO "articles" VALUES(3,'German Defense Minister Christine Lambrecht said on Tuesday that German troops could be…','German Defense Minister Christine Lambrecht said on Tuesday that German troops could be sent to Lithuania and other countries on NATO''s eastern flank a day after Russia formally recognized two regions of Ukraine as independent, further igniting fears of violent conflict in the area.

"It is clear that we need to apply stricter deterrence measures," Lambrecht told a joint news conference with her Lithuanian counterpart at the Rukla military base.

"I want to underscore that we are ready to send more troops, land and air. We are ready to send more troops also to Lithuania and signal that we are together with partners and we are a trustworthy partner in a crisis," she said.

German soldiers comprise about half of a 1,100-strong NATO battle group in Lithuania that includes troops from Belgium, the Czech Republic, Luxembourg, the Netherlands and Norway.

Lambrecht said that these proposed reinforcements could come on top of a contingent of some 360 extra German soldiers already en route to Lithuania on Tuesday.

Norway also announced that it was adding 50-60 soldiers to the group.

Watch video 01:54 UN Security Council meets over Ukraine crisis

British soldiers mobilized

Separately, UK Prime Minister Boris Johnson said 800 British soldiers were being added to the NATO battlegroup in Estonia, and that more could be sent "to help protect allies if NATO makes a request."

British Defense Minister Ben Wallace then announced that a separate group, the Joint Expeditionary Force (JEF), which includes the UK, Denmark, Estonia, Finland, Iceland, Latvia, Lithuania, the Netherlands, Norway and Sweden, would soon be engaging in military exercises "in northern Europe."

UK and Baltic states'' troops will participate in "preventative and proportionate" exercises "at sea, on land, and in the air."

The expected reinforcements will drastically increase the amount of NATO troops in Latvia, Lithuania, and Estonia, to about 6,000.

NATO had set up four multinational battlegroups of just over 1,000 troops each in Estonia, Lithuania, Latvia and Poland in 2017 after Russia annexed the Crimea region from Ukraine.','2017-07-11',NULL,NULL,NULL,NULL,'/tmp/tmpexo0ggxr/old/seeds/002_d272d1f2ebf88e73.txt',NULL,'5417b6efa781d9dda1b0493f328d2949eed2a58954bccaa33d924ef52fc62905','2026-12-04T15:55:41+00:00',NULL,4,1,0,1,0,NULL);
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO "briefings" VALUES(1,'Baltic deterrence','{"kind": "briefing-reader/briefing", "schema": 1, "title": "Baltic deterrence", "author": "", "date": "2026-12-04", "marking": "UNCLASSIFIED", "summary": "Three views.", "notes": "", "page_size": "A4", "items": [{"kind": "article", "article_id": 1, "label": "seed 000"}, {"kind": "figure", "article_id": 2, "figure_key": "troops:1171:1189:United Kingdom", "label": "seed 001"}, {"kind": "figure", "article_id": 2, "figure_key": "troops:1171:1189:Germany", "label": "seed 001"}, {"kind": "figure", "article_id": 3, "figure_key": "troops:1236:1256:United Kingdom", "label": "seed 002"}]}','2026-12-04T15:55:42+00:00');
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
INSERT INTO "entities" VALUES(3,'German','NORP','Germany',0,6);
INSERT INTO "entities" VALUES(3,'Christine Lambrecht','PERSON','Christine Lambrecht',24,43);
INSERT INTO "entities" VALUES(3,'German','NORP','Germany',65,71);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',96,105);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',129,133);
INSERT INTO "entities" VALUES(3,'Russia','GPE','Russia',162,168);
INSERT INTO "entities" VALUES(3,'Ukraine','GPE','Ukraine',204,211);
INSERT INTO "entities" VALUES(3,'Lambrecht','PERSON','Christine Lambrecht',351,360);
INSERT INTO "entities" VALUES(3,'Lithuanian','NORP','Lithuania',399,409);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',567,576);
INSERT INTO "entities" VALUES(3,'German','NORP','Germany',681,687);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',735,739);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',756,765);
INSERT INTO "entities" VALUES(3,'Belgium','GPE','Belgium',792,799);
INSERT INTO "entities" VALUES(3,'Czech Republic','GPE','Czech Republic',805,819);
INSERT INTO "entities" VALUES(3,'Luxembourg','GPE','Luxembourg',821,831);
INSERT INTO "entities" VALUES(3,'Netherlands','GPE','Netherlands',837,848);
INSERT INTO "entities" VALUES(3,'Norway','GPE','Norway',853,859);
INSERT INTO "entities" VALUES(3,'Lambrecht','PERSON','Christine Lambrecht',862,871);
INSERT INTO "entities" VALUES(3,'German','NORP','Germany',964,970);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',1000,1009);
INSERT INTO "entities" VALUES(3,'Norway','GPE','Norway',1023,1029);
INSERT INTO "entities" VALUES(3,'UN Security Council','ORG','UN Security Council',1112,1131);
INSERT INTO "entities" VALUES(3,'Ukraine','GPE','Ukraine',1143,1150);
INSERT INTO "entities" VALUES(3,'British','NORP','United Kingdom',1159,1166);
INSERT INTO "entities" VALUES(3,'UK','GPE','United Kingdom',1199,1201);
INSERT INTO "entities" VALUES(3,'Boris Johnson','PERSON','Boris Johnson',1217,1230);
INSERT INTO "entities" VALUES(3,'British','NORP','United Kingdom',1240,1247);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',1281,1285);
INSERT INTO "entities" VALUES(3,'Estonia','GPE','Estonia',1301,1308);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',1365,1369);
INSERT INTO "entities" VALUES(3,'British','NORP','United Kingdom',1389,1396);
INSERT INTO "entities" VALUES(3,'Ben Wallace','PERSON','Ben Wallace',1414,1425);
INSERT INTO "entities" VALUES(3,'Joint Expeditionary Force','ORG','Joint Expeditionary Force',1468,1493);
INSERT INTO "entities" VALUES(3,'JEF','ORG','Joint Expeditionary Force',1495,1498);
INSERT INTO "entities" VALUES(3,'UK','GPE','United Kingdom',1520,1522);
INSERT INTO "entities" VALUES(3,'Denmark','GPE','Denmark',1524,1531);
INSERT INTO "entities" VALUES(3,'Estonia','GPE','Estonia',1533,1540);
INSERT INTO "entities" VALUES(3,'Finland','GPE','Finland',1542,1549);
INSERT INTO "entities" VALUES(3,'Iceland','GPE','Iceland',1551,1558);
INSERT INTO "entities" VALUES(3,'Latvia','GPE','Latvia',1560,1566);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',1568,1577);
INSERT INTO "entities" VALUES(3,'Netherlands','GPE','Netherlands',1583,1594);
INSERT INTO "entities" VALUES(3,'Norway','GPE','Norway',1596,1602);
INSERT INTO "entities" VALUES(3,'Sweden','GPE','Sweden',1607,1613);
INSERT INTO "entities" VALUES(3,'Europe','GPE','Europe',1673,1679);
INSERT INTO "entities" VALUES(3,'UK','GPE','United Kingdom',1683,1685);
INSERT INTO "entities" VALUES(3,'Baltic states','GPE','Baltic states',1690,1703);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',1879,1883);
INSERT INTO "entities" VALUES(3,'Latvia','GPE','Latvia',1894,1900);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',1902,1911);
INSERT INTO "entities" VALUES(3,'Estonia','GPE','Estonia',1917,1924);
INSERT INTO "entities" VALUES(3,'NATO','ORG','NATO',1943,1947);
INSERT INTO "entities" VALUES(3,'Estonia','GPE','Estonia',2025,2032);
INSERT INTO "entities" VALUES(3,'Lithuania','GPE','Lithuania',2034,2043);
INSERT INTO "entities" VALUES(3,'Latvia','GPE','Latvia',2045,2051);
INSERT INTO "entities" VALUES(3,'Poland','GPE','Poland',2056,2062);
INSERT INTO "entities" VALUES(3,'Russia','GPE','Russia',2077,2083);
INSERT INTO "entities" VALUES(3,'Crimea','GPE','Crimea',2096,2102);
INSERT INTO "entities" VALUES(3,'Ukraine','GPE','Ukraine',2115,2122);
INSERT INTO "entities" VALUES(1,'VILNIUS','GPE','Vilnius',0,7);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',14,27);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',46,50);
INSERT INTO "entities" VALUES(1,'Russia','GPE','Russia',103,109);
INSERT INTO "entities" VALUES(1,'Lithuania','GPE','Lithuania',111,120);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',208,212);
INSERT INTO "entities" VALUES(1,'Jens Stoltenberg','PERSON','Jens Stoltenberg',231,247);
INSERT INTO "entities" VALUES(1,'Turkish','NORP','Turkey',307,314);
INSERT INTO "entities" VALUES(1,'Antalya','GPE','Antalya',323,330);
INSERT INTO "entities" VALUES(1,'Lithuanian','NORP','Lithuania',542,552);
INSERT INTO "entities" VALUES(1,'Mindaugas Neimontas','PERSON','Mindaugas Neimontas',561,580);
INSERT INTO "entities" VALUES(1,'AFP','ORG','AFP',586,589);
INSERT INTO "entities" VALUES(1,'Lithuanian','NORP','Lithuania',600,610);
INSERT INTO "entities" VALUES(1,'Latvian','NORP','Latvia',612,619);
INSERT INTO "entities" VALUES(1,'Estonian','NORP','Estonia',624,632);
INSERT INTO "entities" VALUES(1,'US','GPE','United States',677,679);
INSERT INTO "entities" VALUES(1,'Philip Breedlove','PERSON','Philip Breedlove',688,704);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',706,710);
INSERT INTO "entities" VALUES(1,'Neimontas','PERSON','Mindaugas Neimontas',729,738);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',748,761);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',797,801);
INSERT INTO "entities" VALUES(1,'Latvia','GPE','Latvia',981,987);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',1159,1172);
INSERT INTO "entities" VALUES(1,'Latvia','GPE','Latvia',1375,1381);
INSERT INTO "entities" VALUES(1,'Russia','GPE','Russia',1414,1420);
INSERT INTO "entities" VALUES(1,'Ukraine','GPE','Ukraine',1464,1471);
INSERT INTO "entities" VALUES(1,'Baltic Sea','GPE','Baltic Sea',1567,1577);
INSERT INTO "entities" VALUES(1,'Ukraine','GPE','Ukraine',1649,1656);
INSERT INTO "entities" VALUES(1,'Minsk','GPE','Minsk',1672,1677);
INSERT INTO "entities" VALUES(1,'French','NORP','France',1690,1696);
INSERT INTO "entities" VALUES(1,'Francois Hollande','PERSON','Francois Hollande',1707,1724);
INSERT INTO "entities" VALUES(1,'Ukraine','GPE','Ukraine',1785,1792);
INSERT INTO "entities" VALUES(1,'Ukrainian','NORP','Ukraine',1826,1835);
INSERT INTO "entities" VALUES(1,'Petro Poroshenko','PERSON','Petro Poroshenko',1848,1864);
INSERT INTO "entities" VALUES(1,'Germany','GPE','Germany',1868,1875);
INSERT INTO "entities" VALUES(1,'Stoltenberg','PERSON','Jens Stoltenberg',1984,1995);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',2047,2051);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',2059,2072);
INSERT INTO "entities" VALUES(1,'Stoltenberg','PERSON','Jens Stoltenberg',2293,2304);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',2321,2325);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',2390,2403);
INSERT INTO "entities" VALUES(1,'Russian','NORP','Russia',2607,2614);
INSERT INTO "entities" VALUES(1,'Russian','NORP','Russia',2678,2685);
INSERT INTO "entities" VALUES(1,'Lithuania','GPE','Lithuania',2787,2796);
INSERT INTO "entities" VALUES(1,'Russian','NORP','Russia',2810,2817);
INSERT INTO "entities" VALUES(1,'Sweden','GPE','Sweden',2879,2885);
INSERT INTO "entities" VALUES(1,'Russian','NORP','Russia',2937,2944);
INSERT INTO "entities" VALUES(1,'United States','GPE','United States',2975,2988);
INSERT INTO "entities" VALUES(1,'Baltic states','GPE','Baltic states',3027,3040);
INSERT INTO "entities" VALUES(1,'Poland','GPE','Poland',3045,3051);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',3080,3084);
INSERT INTO "entities" VALUES(1,'Ramunas Vilpisauskas','PERSON','Ramunas Vilpisauskas',3193,3213);
INSERT INTO "entities" VALUES(1,'Institute of International Relations and Political Science','ORG','Institute of International Relations and Political Science',3231,3289);
INSERT INTO "entities" VALUES(1,'Vilnius','GPE','Vilnius',3293,3300);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',3382,3386);
INSERT INTO "entities" VALUES(1,'AFP','ORG','AFP',3432,3435);
INSERT INTO "entities" VALUES(1,'Russia','GPE','Russia',3450,3456);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',3473,3477);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',3595,3599);
INSERT INTO "entities" VALUES(1,'Russia','GPE','Russia',3604,3610);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',3613,3617);
INSERT INTO "entities" VALUES(1,'Stoltenberg','PERSON','Jens Stoltenberg',3871,3882);
INSERT INTO "entities" VALUES(1,'Baltic States','GPE','Baltic States',4091,4104);
INSERT INTO "entities" VALUES(1,'Moscow','GPE','Russia',4204,4210);
INSERT INTO "entities" VALUES(1,'NATO','ORG','NATO',4249,4253);
INSERT INTO "entities" VALUES(2,'VILNIUS','GPE','Vilnius',0,7);
INSERT INTO "entities" VALUES(2,'Baltic countries','GPE','Baltic countries',24,40);
INSERT INTO "entities" VALUES(2,'Poland','GPE','Poland',45,51);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',67,71);
INSERT INTO "entities" VALUES(2,'Russia','GPE','Russia',155,161);
INSERT INTO "entities" VALUES(2,'Crimea','GPE','Crimea',188,194);
INSERT INTO "entities" VALUES(2,'Russian','NORP','Russia',378,385);
INSERT INTO "entities" VALUES(2,'Moscow','GPE','Moscow',478,484);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',511,515);
INSERT INTO "entities" VALUES(2,'Russian','NORP','Russia',580,587);
INSERT INTO "entities" VALUES(2,'Baltics','GPE','Baltics',606,613);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',615,624);
INSERT INTO "entities" VALUES(2,'Juozas Olekas','PERSON','Juozas Olekas',644,657);
INSERT INTO "entities" VALUES(2,'Reuters','ORG','Reuters',663,670);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',772,781);
INSERT INTO "entities" VALUES(2,'Latvia','GPE','Latvia',783,789);
INSERT INTO "entities" VALUES(2,'Estonia','GPE','Estonia',794,801);
INSERT INTO "entities" VALUES(2,'Moscow','GPE','Moscow',866,872);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',979,983);
INSERT INTO "entities" VALUES(2,'Baltics','GPE','Baltics',1082,1089);
INSERT INTO "entities" VALUES(2,'Poland','GPE','Poland',1094,1100);
INSERT INTO "entities" VALUES(2,'United States','GPE','United States',1106,1119);
INSERT INTO "entities" VALUES(2,'Germany','GPE','Germany',1121,1128);
INSERT INTO "entities" VALUES(2,'Britain','GPE','United Kingdom',1133,1140);
INSERT INTO "entities" VALUES(2,'Canada','GPE','Canada',1196,1202);
INSERT INTO "entities" VALUES(2,'Baltic nations','GPE','Baltic nations',1232,1246);
INSERT INTO "entities" VALUES(2,'Russia','GPE','Russia',1324,1330);
INSERT INTO "entities" VALUES(2,'Kaliningrad','GPE','Kaliningrad',1387,1398);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',1417,1426);
INSERT INTO "entities" VALUES(2,'Poland','GPE','Poland',1431,1437);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',1477,1481);
INSERT INTO "entities" VALUES(2,'Baltics','GPE','Baltics',1513,1520);
INSERT INTO "entities" VALUES(2,'Baltics','GPE','Baltics',1526,1533);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',1539,1543);
INSERT INTO "entities" VALUES(2,'Norway','GPE','Norway',1631,1637);
INSERT INTO "entities" VALUES(2,'Kongsberg Gruppen','ORG','Kongsberg Gruppen',1640,1657);
INSERT INTO "entities" VALUES(2,'U.S.','GPE','United States',1662,1666);
INSERT INTO "entities" VALUES(2,'Raytheon','ORG','Raytheon',1686,1694);
INSERT INTO "entities" VALUES(2,'Olekas','PERSON','Juozas Olekas',1745,1751);
INSERT INTO "entities" VALUES(2,'Latvians','NORP','Latvia',1842,1850);
INSERT INTO "entities" VALUES(2,'Estonians','NORP','Estonia',1856,1865);
INSERT INTO "entities" VALUES(2,'Poles','NORP','Poland',1874,1879);
INSERT INTO "entities" VALUES(2,'Olekas','PERSON','Juozas Olekas',1882,1888);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',1922,1926);
INSERT INTO "entities" VALUES(2,'Brussels','GPE','Brussels',1992,2000);
INSERT INTO "entities" VALUES(2,'Estonian','NORP','Estonia',2018,2026);
INSERT INTO "entities" VALUES(2,'Riho Terras','PERSON','Riho Terras',2060,2071);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',2202,2206);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',2255,2264);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',2332,2341);
INSERT INTO "entities" VALUES(2,'Linas Linkevicius','PERSON','Linas Linkevicius',2361,2378);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',2419,2423);
INSERT INTO "entities" VALUES(2,'Russian','NORP','Russia',2508,2515);
INSERT INTO "entities" VALUES(2,'Baltic states','GPE','Baltic states',2567,2580);
INSERT INTO "entities" VALUES(2,'Baltic nations','GPE','Baltic nations',2586,2600);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',2615,2619);
INSERT INTO "entities" VALUES(2,'British','NORP','United Kingdom',2740,2747);
INSERT INTO "entities" VALUES(2,'Portuguese','NORP','Portugal',2790,2800);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',2943,2947);
INSERT INTO "entities" VALUES(2,'Europe','GPE','Europe',3021,3027);
INSERT INTO "entities" VALUES(2,'Ben Hodges','PERSON','Ben Hodges',3107,3117);
INSERT INTO "entities" VALUES(2,'U.S.','GPE','United States',3140,3144);
INSERT INTO "entities" VALUES(2,'Europe','GPE','Europe',3153,3159);
INSERT INTO "entities" VALUES(2,'Vilnius','GPE','Vilnius',3169,3176);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',3236,3240);
INSERT INTO "entities" VALUES(2,'Hodges','PERSON','Ben Hodges',3277,3283);
INSERT INTO "entities" VALUES(2,'Russia','GPE','Russia',3426,3432);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',3493,3497);
INSERT INTO "entities" VALUES(2,'Paris','GPE','Paris',3572,3577);
INSERT INTO "entities" VALUES(2,'Berlin','GPE','Berlin',3582,3588);
INSERT INTO "entities" VALUES(2,'Russia','GPE','Russia',3590,3596);
INSERT INTO "entities" VALUES(2,'Baltics','GPE','Baltics',3650,3657);
INSERT INTO "entities" VALUES(2,'Danish','NORP','Denmark',3725,3731);
INSERT INTO "entities" VALUES(2,'Jakob Sogard Larsen','PERSON','Jakob Sogard Larsen',3740,3759);
INSERT INTO "entities" VALUES(2,'NATO','ORG','NATO',3779,3783);
INSERT INTO "entities" VALUES(2,'Lithuania','GPE','Lithuania',3803,3812);
INSERT INTO "entities" VALUES(2,'Larsen','PERSON','Jakob Sogard Larsen',3859,3865);
CREATE TABLE figure_corrections (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    figure_key TEXT NOT NULL,
    changes TEXT NOT NULL,
    rejected INTEGER NOT NULL DEFAULT 0,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, figure_key)
);
INSERT INTO "figure_corrections" VALUES(2,'troops:1171:1189:Germany','{"low": 1200, "high": 1200}',0,'2026-12-04T15:55:42+00:00');
INSERT INTO "figure_corrections" VALUES(1,'troops:959:978:','{}',1,'2026-12-04T15:55:42+00:00');
INSERT INTO "figure_corrections" VALUES(3,'troops:1236:1256:United Kingdom','{"host": "Estonia (Tapa)", "year": 2018}',0,'2026-12-04T15:55:42+00:00');
CREATE TABLE figures (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
INSERT INTO "figures" VALUES(3,0,'troops','{"kind": "troops", "text": "1,100-strong", "start": 722, "end": 734, "low": 1100.0, "high": 1100.0, "qualifier": null, "contributor": "NATO", "host": "Lithuania", "troop_kind": "presence", "year": 2017, "sentence": "German soldiers comprise about half of a 1,100-strong NATO battle group in Lithuania that includes troops from Belgium, the Czech Republic, Luxembourg, the Netherlands and Norway.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(3,1,'troops','{"kind": "troops", "text": "some 360 extra German soldiers", "start": 949, "end": 979, "low": 360.0, "high": 360.0, "qualifier": "some", "contributor": "Germany", "host": "Lithuania", "troop_kind": "request", "year": 2017, "sentence": "Lambrecht said that these proposed reinforcements could come on top of a contingent of some 360 extra German soldiers already en route to Lithuania on Tuesday.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(3,2,'troops','{"kind": "troops", "text": "50-60 soldiers", "start": 1064, "end": 1078, "low": 50.0, "high": 60.0, "qualifier": null, "contributor": "Norway", "host": "Lithuania", "troop_kind": "deployment", "year": 2017, "sentence": "Norway also announced that it was adding 50-60 soldiers to the group.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(3,3,'troops','{"kind": "troops", "text": "800 British soldiers", "start": 1236, "end": 1256, "low": 800.0, "high": 800.0, "qualifier": null, "contributor": "United Kingdom", "host": "Estonia", "troop_kind": "deployment", "year": 2017, "sentence": "Separately, UK Prime Minister Boris Johnson said 800 British soldiers were being added to the NATO battlegroup in Estonia, and that more could be sent \"to help protect allies if NATO makes a request.\"", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(3,4,'troops','{"kind": "troops", "text": "about 6,000", "start": 1929, "end": 1940, "low": 6000.0, "high": 6000.0, "qualifier": "about", "contributor": "NATO", "host": "Latvia, Lithuania, and Estonia", "troop_kind": "deployment", "year": 2017, "sentence": "The expected reinforcements will drastically increase the amount of NATO troops in Latvia, Lithuania, and Estonia, to about 6,000.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(3,5,'troops','{"kind": "troops", "text": "just over 1,000 troops", "start": 1994, "end": 2016, "low": 1000.0, "high": 1000.0, "qualifier": "just over", "contributor": "multinational", "host": "Estonia, Lithuania, Latvia and Poland", "troop_kind": "deployment", "year": 2017, "sentence": "NATO had set up four multinational battlegroups of just over 1,000 troops each in Estonia, Lithuania, Latvia and Poland in 2017 after Russia annexed the Crimea region from Ukraine.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(1,0,'troops','{"kind": "troops", "text": "several thousand troops", "start": 61, "end": 84, "low": null, "high": null, "qualifier": "several thousand", "contributor": "NATO", "host": "Russia", "troop_kind": "request", "year": 2017, "sentence": "VILNIUS — The Baltic states will formally ask NATO to deploy several thousand troops as a deterrent to Russia, Lithuania said Thursday, but the alliance gave no assurance that the request would be accepted.", "unit": null, "value": null, "vague": "several thousand"}');
INSERT INTO "figures" VALUES(1,1,'troops','{"kind": "troops", "text": "around 3,000 troops", "start": 959, "end": 978, "low": 3000.0, "high": 3000.0, "qualifier": "around", "contributor": null, "host": "Russia", "troop_kind": "presence", "year": 2017, "sentence": "He refused to elaborate on specific numbers but a standard brigade could have around 3,000 troops.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(1,2,'troops','{"kind": "troops", "text": "around 600 troops", "start": 3002, "end": 3019, "low": 600.0, "high": 600.0, "qualifier": "around", "contributor": "United States", "host": "Baltic states and Poland", "troop_kind": "presence", "year": 2017, "sentence": "Since last year, the United States has deployed around 600 troops in the Baltic states and Poland on a rotational basis.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,0,'troops','{"kind": "troops", "text": "4,000 troops", "start": 1061, "end": 1073, "low": 4000.0, "high": 4000.0, "qualifier": null, "contributor": "multinational", "host": "Baltics and Poland", "troop_kind": "deployment", "year": 2017, "sentence": "NATO defence ministers are set to agree this week on a new multinational force of 4,000 troops for the Baltics and Poland.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,1,'troops','{"kind": "troops", "text": "about 1,000 troops", "start": 1171, "end": 1189, "low": 1000.0, "high": 1000.0, "qualifier": "about", "contributor": "United States", "host": "Baltics and Poland", "troop_kind": "deployment", "year": 2017, "sentence": "The United States, Germany and Britain are set to lead battalions of about 1,000 troops each.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,2,'troops','{"kind": "troops", "text": "about 1,000 troops", "start": 1171, "end": 1189, "low": 1000.0, "high": 1000.0, "qualifier": "about", "contributor": "Germany", "host": "Baltics and Poland", "troop_kind": "deployment", "year": 2017, "sentence": "The United States, Germany and Britain are set to lead battalions of about 1,000 troops each.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,3,'troops','{"kind": "troops", "text": "about 1,000 troops", "start": 1171, "end": 1189, "low": 1000.0, "high": 1000.0, "qualifier": "about", "contributor": "United Kingdom", "host": "Baltics and Poland", "troop_kind": "deployment", "year": 2017, "sentence": "The United States, Germany and Britain are set to lead battalions of about 1,000 troops each.", "unit": null, "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,4,'equipment','{"kind": "equipment", "text": "Four British Eurofighter Typhoon fighter jets", "start": 2735, "end": 2780, "low": 4.0, "high": 4.0, "qualifier": null, "contributor": null, "host": null, "troop_kind": null, "year": null, "sentence": null, "unit": "British Eurofighter Typhoon fighter jets", "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,5,'equipment','{"kind": "equipment", "text": "four Portuguese F-16 fighter jets", "start": 2785, "end": 2818, "low": 4.0, "high": 4.0, "qualifier": null, "contributor": null, "host": null, "troop_kind": null, "year": null, "sentence": null, "unit": "Portuguese F-16 fighter jets", "value": null, "vague": null}');
INSERT INTO "figures" VALUES(2,6,'troops','{"kind": "troops", "text": "100,000 troops", "start": 3696, "end": 3710, "low": 100000.0, "high": 100000.0, "qualifier": null, "contributor": "Russia", "host": "Lithuania", "troop_kind": "exercise", "year": 2014, "sentence": "Russia has held unannounced exercises on the borders of the Baltics, including one in 2014 which mustered 100,000 troops, according to Danish Colonel Jakob Sogard Larsen, who heads the new NATO command outpost in Lithuania.", "unit": null, "value": null, "vague": null}');
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
INSERT INTO "files" VALUES('/tmp/tmpexo0ggxr/old/seeds/000_78e490d38a5d9baf.txt',4305,1796399303000000000,'2026-12-04T15:55:41+00:00');
INSERT INTO "files" VALUES('/tmp/tmpexo0ggxr/old/seeds/001_93b4ffd4163a6660.txt',3871,1796399303000000000,'2026-12-04T15:55:41+00:00');
INSERT INTO "files" VALUES('/tmp/tmpexo0ggxr/old/seeds/002_d272d1f2ebf88e73.txt',2142,1796399303000000000,'2026-12-04T15:55:41+00:00');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('schema_version','1');
CREATE TABLE watched_folders (
    path TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
CREATE INDEX articles_path ON articles (path, origin);
CREATE INDEX articles_indexed ON articles (indexed);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_canonical ON entities (canonical);
CREATE INDEX figures_kind ON figures (kind);
COMMIT;
