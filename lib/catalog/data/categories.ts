import type { Category } from "@/lib/catalog/types";

export const CATEGORIES: readonly Category[] = [
  { slug: "electronics", name: "Electronics", blurb: "Laptops, headphones, wearables and cameras for work and play." },
  { slug: "books", name: "Books", blurb: "Sci-fi, fantasy, thrillers, cookbooks and big ideas in print." },
  { slug: "fitness", name: "Fitness", blurb: "Running, yoga and strength gear for every training plan." },
  { slug: "fashion", name: "Fashion", blurb: "Sneakers, jackets and everyday wardrobe staples." },
  { slug: "home-kitchen", name: "Home & Kitchen", blurb: "Coffee machines, cookware and countertop helpers." },
  { slug: "outdoors", name: "Outdoors", blurb: "Tents, packs and trail essentials for your next trip." },
  { slug: "beauty", name: "Beauty", blurb: "Skincare, makeup and grooming favorites." },
];
