export type { BuildEnv, Endpoint, FlagsPath, FlagsRequest, JsonArray, JsonObject, JsonValue, MixpanelRequest, Receipt } from './types.ts'
export type {
  ApiRejected,
  ConfigError,
  DatabaseError,
  DecodeError,
  FailedRecord,
  HttpError,
  MixpanelError,
  NetworkError,
  PayloadTooLarge,
  QueueClosed,
  QueueFull,
  RateLimited,
  RecordsRejected,
  TimeoutError,
  ValidationError,
} from './errors.ts'
export {
  apiRejected,
  configError,
  databaseError,
  decodeError,
  httpError,
  networkError,
  payloadTooLarge,
  queueClosed,
  queueFull,
  rateLimited,
  recordsRejected,
  timeoutError,
  validationError,
} from './errors.ts'
export type { Config, Credentials, IdMerge, Region, ResolvedConfig, RetryPolicy } from './config.ts'
export { CONFIG_DEFAULTS, normalizeConfig, normalizeTokenConfig } from './config.ts'
export type { ServiceAccount } from './serviceAccount.ts'
export { serviceAccount } from './serviceAccount.ts'
export type { Redacted } from './redacted.ts'
export { redact, reveal } from './redacted.ts'
export { copyJsonInto, formatDate, pathKey, toJson, toJsonObject } from './toJson.ts'
export { settleCopy } from './settleCopy.ts'
export { utf8Length } from './utf8Length.ts'
export { randomInsertId, resolveEnv } from './env.ts'
export { validate } from './validate.ts'
export { isPlaceholderId, PLACEHOLDER_IDS } from './ids.ts'
export { distinctIdSchema } from './distinctIdSchema.ts'
export { distinctIdProblem } from './distinctIdProblem.ts'
export { checkDistinctId } from './checkDistinctId.ts'
export { unreadable } from './unreadable.ts'
export { causeText } from './causeText.ts'
export { request } from './request.ts'
export { MixpanelException, toPromise } from './MixpanelException.ts'
export { LIB_NAME, LIB_VERSION } from './lib.ts'
export type { ProfileValueKind } from './profileValue.ts'
export { profileValue } from './profileValue.ts'
export type { ProfileMeta, ProfileUpdateSpec } from './profileUpdate.ts'
export { profileUpdate } from './profileUpdate.ts'
export { describeValue } from './describeValue.ts'
export { batchLimits, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from './batchLimits.ts'
export { batchEnds } from './batchEnds.ts'
export { splitBatches } from './splitBatches.ts'
export { isPermanent } from './isPermanent.ts'
export { isAliasRequest } from './isAliasRequest.ts'
export { recordJson } from './recordJson.ts'
export { recordsJson, sealedText, sealRecord } from './recordText.ts'
