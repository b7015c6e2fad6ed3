/** "web": a one-time link that opens the web app signed in (issue 10); the use case makes and stores it. */
export interface WebSignInEffect {
  kind: 'web_sign_in';
}
