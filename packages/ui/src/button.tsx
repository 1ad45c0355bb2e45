import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export const buttonVariants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 shadow-sm disabled:bg-slate-400",
  secondary:
    "bg-white text-ink border border-line hover:bg-slate-50 shadow-sm disabled:text-slate-400",
  ghost: "text-muted hover:bg-slate-100 hover:text-ink",
  danger: "bg-red-700 text-white hover:bg-red-800 shadow-sm",
} as const;
export const buttonSizes = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" } as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof buttonVariants;
  size?: keyof typeof buttonSizes;
};

export const buttonClass = (
  variant: keyof typeof buttonVariants = "primary",
  size: keyof typeof buttonSizes = "md",
) =>
  cn(
    "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed",
    buttonVariants[variant],
    buttonSizes[size],
  );

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonClass(variant, size), className)} {...props} />;
}
