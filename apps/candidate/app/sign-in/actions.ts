"use server";
import { credentialsSignIn, type SignInState } from "@debrief/web/sign-in-action";
import { signIn } from "~/auth";

export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  return credentialsSignIn(signIn, formData);
}
