import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFtm } from "./parse-ftm";
import { decodeOfacFile, parseSdn, remarkItems } from "./parse-sdn";

const snapshot = path.join(process.cwd(), "reference-data/sanctions/ofac-sdn-2024-05-03.csv");

describe("the OFAC SDN snapshot", () => {
  const entries = parseSdn({ sdn: decodeOfacFile(fs.readFileSync(snapshot)) });
  const byNum = (n: string) => entries.find((e) => e.entNum === n)!;

  it("reads every entry, the DOS end-of-file byte is not one", () => {
    expect(entries).toHaveLength(14965);
    expect(new Set(entries.map((e) => e.entNum)).size).toBe(14965);
  });

  it("reads an individual with wallets on two chains, birth date and nationality", () => {
    const kim = byNum("43377");
    expect(kim).toMatchObject({
      name: "KIM, Sang Man",
      type: "individual",
      programs: ["DPRK4"],
      birthDates: ["25 Apr 1965"],
      nationalities: ["Korea, North"],
    });
    expect(kim.identifiers).toEqual(
      expect.arrayContaining([
        { type: "crypto_wallet", chain: "ETH", value: "0x97b1043abd9e6fc31681635166d430a458d14f9c" },
        { type: "crypto_wallet", chain: "XBT", value: "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ" },
      ]),
    );
  });

  it("reads passports, e-mail addresses, a.k.a.s and several programs", () => {
    const pang = byNum("22984");
    expect(pang.programs).toEqual(["DPRK2", "DPRK4"]);
    expect(pang.identifiers).toContainEqual({ type: "government_id", value: "472110138", label: "Passport" });
    const khorashadizadeh = byNum("26137");
    expect(khorashadizadeh.identifiers.filter((i) => i.type === "email").map((i) => i.value)).toEqual([
      "iranvisacart@yahoo.com",
      "mastercartaria@yahoo.com",
      "alikhorashadi@yahoo.com",
      "toppglasses@gmail.com",
      "iranian_boy5@yahoo.com",
    ]);
    expect(khorashadizadeh.aliases).toEqual(["Mastercartaria", "Iranvisacart"]);
    expect(byNum("306").aliases).toEqual(["BNC"]);
  });

  it("reads an entity without a type, a vessel, and marks remarks cut at 1,000 characters", () => {
    expect(byNum("36")).toMatchObject({ name: "AEROCARIBBEAN AIRLINES", type: "entity", programs: ["CUBA"] });
    expect(entries.find((e) => e.type === "vessel")).toBeDefined();
    const cut = entries.filter((e) => e.remarksCut);
    expect(cut).toHaveLength(18);
    expect(cut.every((e) => e.remarks!.length > 990)).toBe(true);
  });

  it("splits remarks on '; ' and drops the closing full stop", () => {
    expect(remarkItems("DOB 1960; a.k.a. 'X, Y'; Website www.example.com.")).toEqual([
      "DOB 1960",
      "a.k.a. 'X, Y'",
      "Website www.example.com",
    ]);
  });
});

describe("alt.csv and add.csv beside sdn.csv", () => {
  it("adds the aliases and addresses to their entries, once", () => {
    const sdn = `100,"DOE, John","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. 'DOE, Johnny'."\r\n`;
    const alt = `100,1,"aka","DOE, Johnny",-0- \r\n100,2,"aka","JON, Do",-0- \r\n999,3,"aka","Nobody",-0- \r\n`;
    const add = `100,5,"1 Main Street","Pyongyang","Korea, North",-0- \r\n`;
    const [doe] = parseSdn({ sdn, alt, add });
    expect(doe!.aliases).toEqual(["DOE, Johnny", "JON, Do"]);
    expect(doe!.addresses).toEqual(["1 Main Street, Pyongyang, Korea, North"]);
  });

  it("refuses a file that is not the SDN layout, naming the row", () => {
    expect(() => parseSdn({ sdn: "name,email\nA,b@example.com\n" })).toThrow(/row 1 has 2 columns where 12/);
  });
});

describe("FollowTheMoney entities", () => {
  const lines = [
    {
      id: "p1",
      schema: "Person",
      properties: {
        name: ["Sang-Man Gim", "Kim Sang Man"],
        birthDate: ["1965-04-25"],
        nationality: ["kp"],
        email: ["sm.kim@example.org"],
      },
    },
    {
      id: "w1",
      schema: "CryptoWallet",
      properties: { publicKey: ["0x97b1043abd9e6fc31681635166d430a458d14f9c"], currency: ["ETH"], holder: ["p1"] },
    },
    { id: "pp1", schema: "Passport", properties: { number: ["654321987"], holder: ["p1"] } },
    { id: "s1", schema: "Sanction", properties: { entity: ["p1"], program: ["UK DPRK"] } },
    { id: "a1", schema: "Address", properties: { full: ["Pyongyang, North Korea"] } },
    {
      id: "c1",
      schema: "Company",
      properties: { name: ["Chinyong IT Cooperation"], addressEntity: ["a1"], website: ["chinyong.example"] },
    },
    {
      id: "w2",
      schema: "CryptoWallet",
      properties: { publicKey: ["TNUC9Qb1rRpS5CbWLmNMxXBjyFoydXjWFR"], currency: ["TRX"] },
    },
  ];
  const entries = parseFtm(lines.map((l) => JSON.stringify(l)).join("\n"));

  it("folds wallets, passports, sanctions and addresses into their party", () => {
    const person = entries.find((e) => e.entNum === "p1")!;
    expect(person).toMatchObject({
      name: "Sang-Man Gim",
      type: "individual",
      aliases: ["Kim Sang Man"],
      birthDates: ["1965-04-25"],
      nationalities: ["kp"],
      programs: ["UK DPRK"],
    });
    expect(person.identifiers).toEqual([
      { type: "email", value: "sm.kim@example.org" },
      { type: "crypto_wallet", value: "0x97b1043abd9e6fc31681635166d430a458d14f9c", chain: "ETH" },
      { type: "government_id", value: "654321987", label: "Passport" },
    ]);
    expect(entries.find((e) => e.entNum === "c1")).toMatchObject({
      type: "entity",
      addresses: ["Pyongyang, North Korea"],
    });
  });

  it("keeps a wallet listed on its own as an entry", () => {
    expect(entries.find((e) => e.entNum === "w2")).toMatchObject({
      type: "wallet",
      identifiers: [expect.objectContaining({ chain: "TRX" })],
    });
    expect(entries).toHaveLength(3);
  });

  it("refuses a line that is not an entity, naming it", () => {
    expect(() => parseFtm('{"id":"x","schema":"Person","properties":{"name":["A"]}}\nnot json')).toThrow(
      "Line 2 is not JSON",
    );
    expect(() => parseFtm('{"name":"A"}')).toThrow(/Line 1 is not a FollowTheMoney entity/);
  });
});
