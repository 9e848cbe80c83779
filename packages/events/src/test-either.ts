import { either as E } from 'fp-ts'

/** The Right of an Either, or a test failure showing the Left. */
export const rightOf = <L, A>(result: E.Either<L, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected Right, got Left ${JSON.stringify(result.left)}`)
  return result.right
}

/** The Left of an Either, or a test failure showing the Right. */
export const leftOf = <L, A>(result: E.Either<L, A>): L => {
  if (E.isRight(result)) throw new Error(`expected Left, got Right ${JSON.stringify(result.right)}`)
  return result.left
}
