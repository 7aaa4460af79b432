import { describe, expect, it } from "vitest";
import { maskContactsIn, maskEmail, maskPhone, maskRecipient } from "./recipient-mask";

describe("maskRecipient", () => {
  it("keeps the country, the first digit and the last two of a phone number", () => {
    expect(maskPhone("+34612345612")).toBe("+34 6•• ••• •12");
    expect(maskPhone("+1 (415) 555-0142")).toBe("+1 4•• ••• ••42");
    expect(maskPhone("+919876543210")).toBe("+91 9•• ••• ••10");
    expect(maskPhone("+351912345678")).toBe("+351 9•• ••• •78");
  });

  it("masks a number without its country, and a short one wholly", () => {
    expect(maskPhone("9876543210")).toBe("9•• ••• ••10");
    expect(maskPhone("1234")).toBe("••• •");
  });

  it("keeps the first letter and the domain of an email address", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j•••@example.com");
    expect(maskRecipient("j@example.com")).toBe("j•••@example.com");
  });

  it("never returns a recipient's digits or local part beyond the kept ones", () => {
    for (const [value, hidden] of [
      ["+34612345612", "12345"],
      ["jane.doe@example.com", "ane.doe"],
      ["contact-7781", "ontact"],
    ] as const)
      expect(maskRecipient(value)).not.toContain(hidden);
  });

  it("masks the numbers and addresses inside a provider's text, and leaves the rest", () => {
    expect(maskContactsIn("Invalid number +34612345612 (code 131026)")).toBe(
      "Invalid number +34 6•• ••• •12 (code 131026)",
    );
    expect(maskContactsIn("bounced: jane@example.com said 550")).toBe("bounced: j•••@example.com said 550");
    expect(maskContactsIn("called 919876543210 twice")).toBe("called 9•• ••• ••••10 twice");
    expect(maskContactsIn("Rate limit hit at 2026-12-01T22:15:31.000Z")).toBe("Rate limit hit at 2026-12-01T22:15:31.000Z");
  });
});
