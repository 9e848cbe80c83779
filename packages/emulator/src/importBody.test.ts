import { describe, expect, it } from 'vitest'
import { IDENTITY_EVENTS_REFUSED, importBody } from './importBody.ts'

describe('importBody', () => {
  it('renders Mixpanel strict /import bodies exactly', () => {
    expect(importBody.ok(3)).toBe('{"code":200,"num_records_imported":3,"status":"OK"}')
    expect(importBody.rejected(1, [{ index: 2, insert_id: 'x', field: 'f', message: 'm' }])).toBe(
      '{"code":400,"error":"some data points in the request failed validation","status":"Bad Request","num_records_imported":1,"failed_records":[{"index":2,"insert_id":"x","field":"f","message":"m"}]}',
    )
    expect(importBody.rejected(0, [IDENTITY_EVENTS_REFUSED])).toBe(
      '{"code":400,"error":"some data points in the request failed validation","status":"Bad Request","num_records_imported":0,"failed_records":["identity events are not allowed when project is using simplified identity management"]}',
    )
    expect(importBody.badRequest('no')).toBe('{"code":400,"error":"no","status":"Bad Request"}')
    expect(importBody.unauthorized()).toBe('{"code":401,"error":"Invalid credentials","status":"Unauthorized"}')
    expect(importBody.tooLarge(10_485_760)).toBe(
      '{"code":413,"error":"request exceeds max limit of 10485760 bytes","status":"Request Entity Too Large"}',
    )
    expect(importBody.rateLimited()).toBe(
      '{"code":429,"error":"Project exceeded rate limits. Please retry the request with exponential backoff.","status":"Too Many Requests"}',
    )
  })
})
