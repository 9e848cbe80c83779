/**
 * The value of a command-line flag given as `--name value` or `--name=value` (the last one wins),
 * `''` when `--name` ends the line, `undefined` when it is absent.
 * @example
 * readFlag(['--port', '4000'], 'port')         // '4000'
 * readFlag(['--id-merge=original'], 'id-merge') // 'original'
 * readFlag([], 'port')                          // undefined
 */
export const readFlag = (argv: ReadonlyArray<string>, name: string): string | undefined => {
  let value: string | undefined
  argv.forEach((arg, index) => {
    if (arg === `--${name}`) value = argv[index + 1] ?? ''
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3)
  })
  return value
}
