/** The file check ajv compiled (timelineCheck.generated.js, written by `npm run schema`). */
declare function validate(data: unknown): boolean
export default validate
