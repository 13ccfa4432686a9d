import { describe, expect, it } from 'vitest';
import { createOrdersApi } from './orders-api';
import { verifyContract } from './contracts';
import { contract as webCheckout } from '../contracts/web-checkout';
import { contract as mobileApp } from '../contracts/mobile-app-3';

// 1 June 2026: inside the deprecation window (1 April to 1 October).
const june = () => Date.parse('2026-06-01T12:00:00Z');

describe('the rename, in the deprecation window', () => {
  it('keeps the client that has not migrated working', () => {
    expect(verifyContract(mobileApp, createOrdersApi(june))).toEqual([]);
  });

  it('serves the client that has migrated to buyerId', () => {
    expect(verifyContract(webCheckout, createOrdersApi(june))).toEqual([]);
  });
});
