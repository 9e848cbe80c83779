/** The `mp_lib` value this library stamps on tracked events. */
export const LIB_NAME = 'mp-ts'

/** The `$lib_version` value this library stamps on tracked events. */
export const LIB_VERSION = '0.1.0'
