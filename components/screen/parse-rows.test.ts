import { describe, expect, it } from "vitest";
import { parseScreenRows } from "./parse-rows";

describe("screening input", () => {
  it("reads type,value lines with or without a header, keeping commas inside values", () => {
    expect(parseScreenRows("type,value\nemail,a@example.test\nphone,+1 202 555 0147")).toEqual([
      { type: "email", value: "a@example.test", source: "line 2" },
      { type: "phone", value: "+1 202 555 0147", source: "line 3" },
    ]);
    expect(parseScreenRows('postal_address,"1 Main St, Unit 4"\nwallet,0xabc')).toEqual([
      { type: "postal_address", value: "1 Main St, Unit 4", source: "line 1" },
      { type: "crypto_wallet", value: "0xabc", source: "line 2" },
    ]);
  });

  it("reads an applicant-tracking export whose columns name identifier types", () => {
    expect(parseScreenRows("name,email,phone,wallet\nJo,jo@example.test,,0xabc\nAl,,+44 7700 900123,")).toEqual([
      { type: "email", value: "jo@example.test", source: "line 2, email" },
      { type: "crypto_wallet", value: "0xabc", source: "line 2, wallet" },
      { type: "phone", value: "+44 7700 900123", source: "line 3, phone" },
    ]);
  });
});
