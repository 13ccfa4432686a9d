import type { Contract } from '../src/contracts';

export const contract: Contract = {
  "consumer": "mobile app 3.x (not yet migrated; 31% of order reads)",
  "interactions": [
    {
      "description": "shows an order's customer",
      "request": { "method": "GET", "path": "/orders/o-1" },
      "response": { "status": 200, "body": { "id": "o-1", "customerId": "c-42", "totalCents": 2599 } }
    }
  ]
};
