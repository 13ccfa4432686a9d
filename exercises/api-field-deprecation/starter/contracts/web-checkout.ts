import type { Contract } from '../src/contracts';

export const contract: Contract = {
  "consumer": "web checkout (migrated to buyerId)",
  "interactions": [
    {
      "description": "reads the buyer of an order",
      "request": { "method": "GET", "path": "/orders/o-1" },
      "response": { "status": 200, "body": { "id": "o-1", "buyerId": "c-42" } }
    },
    {
      "description": "places an order for a buyer",
      "request": { "method": "POST", "path": "/orders", "body": { "buyerId": "c-7", "totalCents": 1200 } },
      "response": { "status": 201, "body": { "buyerId": "c-7", "totalCents": 1200 } }
    }
  ]
};
