/** The error code the sign-in form receives when the rate limit refuses an attempt (shared by server and form). */
export const SIGN_IN_THROTTLED = "throttled";
/** The error code the sign-in form receives when the database cannot be reached (no detail leaves the server). */
export const SIGN_IN_UNAVAILABLE = "unavailable";
