"use client";
export { Toaster, toast } from "sonner";
