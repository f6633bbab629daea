import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona } from "@/lib/testing/personas";
import { getPersona } from "./get-persona";
import { updatePersona } from "./update-persona";

let investigator: Actor;

beforeAll(async () => {
  investigator = await makeActor("investigator");
});

describe("the persona's claimed country as the region of national phone numbers", () => {
  it("reads a number without +code in the country of the claimed location, unless the request names one", async () => {
    const persona = await makePersona(investigator, { claimedLocation: "Manchester, UK" });
    expect((await getPersona({ actor: investigator, personaId: persona.id })).claimedCountry).toBe("GB");

    const added = await giveIdentifier(investigator, persona.id, { type: "phone", value: "020 7946 0958" });
    expect(added.normalizedValue).toBe("+442079460958");

    // The request's own region wins: the same digits are not a US number.
    await expect(
      giveIdentifier(investigator, persona.id, { type: "phone", value: "020 7946 0959", defaultCountry: "US" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const us = await giveIdentifier(investigator, persona.id, {
      type: "phone",
      value: "(202) 555-0143",
      defaultCountry: "US",
    });
    expect(us.normalizedValue).toBe("+12025550143");
  });

  it("follows the claimed location when it changes, and falls back to a nationality that names a country", async () => {
    const persona = await makePersona(investigator, { claimedNationality: "Poland" });
    const detail = await getPersona({ actor: investigator, personaId: persona.id });
    expect(detail.claimedCountry).toBe("PL");
    expect(
      (await giveIdentifier(investigator, persona.id, { type: "phone", value: "512 345 678" })).normalizedValue,
    ).toBe("+48512345678");
    const moved = await updatePersona({
      actor: investigator,
      personaId: persona.id,
      input: { claimedLocation: "Toronto, Ontario, Canada", version: detail.version },
    });
    expect(moved.claimedCountry).toBe("CA");
    expect(
      (await giveIdentifier(investigator, persona.id, { type: "phone", value: "416 555 0199" })).normalizedValue,
    ).toBe("+14165550199");
  });
});
