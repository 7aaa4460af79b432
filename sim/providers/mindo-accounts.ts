/** GET /api/v1/business-accounts/ — the shape of Mindo's documented example. */
export const MINDO_BUSINESS_ACCOUNTS = {
  companyName: "Northwind Outfitters SRL",
  apiKeyName: "Sendboard simulator",
  businessAccounts: [
    {
      businessAccountId: 1,
      businessName: "Northwind WhatsApp Business",
      phoneNumbers: [
        {
          id: 123,
          phoneNumberId: "813497231850626",
          displayPhoneNumber: "+54 9 223 675-0780",
          verifiedName: "Northwind",
          isPrimary: true,
          messagingLimitTier: "TIER_1000",
          quota: {
            dailyLimit: 1000,
            uniqueNumbersSent24h: 45,
            remaining: 955,
            usagePercentage: 4.5,
            canSend: true,
          },
        },
      ],
      templates: [
        {
          name: "winter_sale",
          language: "es",
          category: "MARKETING",
          variables: [
            {
              name: "customer_name",
              type: "TEXT",
              position: 1,
              isRequired: true,
              component: "BODY",
            },
          ],
        },
      ],
    },
  ],
};
