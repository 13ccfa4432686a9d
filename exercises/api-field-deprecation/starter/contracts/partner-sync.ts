import type { Contract } from '../src/contracts';

export const contract: Contract = {
  "consumer": "partner sync job (not yet migrated; writes with customerId)",
  "interactions": [
    {
      "description": "places an order with the old field",
      "request": { "method": "POST", "path": "/orders", "body": { "customerId": "c-9", "totalCents": 500 } },
      "response": { "status": 201, "body": { "customerId": "c-9", "totalCents": 500 } }
    }
  ]
};
