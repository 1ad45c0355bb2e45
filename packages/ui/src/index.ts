export { Button, type ButtonProps, buttonClass } from "./button";
export { cn } from "./cn";
export { Field, Input, Select, Textarea } from "./form";
export { Badge, Card, EmptyState, ListSkeleton, PageHeader, Skeleton } from "./layout";
